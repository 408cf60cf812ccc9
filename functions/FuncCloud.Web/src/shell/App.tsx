import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Button, Grid, Input, Layout, Menu, Space, Spin, Typography } from 'antd';
import { ApartmentOutlined, DashboardOutlined, LogoutOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useAuth } from './auth';
import { LoginPage } from './LoginPage';

// Pages load on first visit (their own chunks, charts only where drawn): the first load is the shell and login.
const OverviewPage = lazy(() => import('../monitor/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const OrchestrationsPage = lazy(() => import('../monitor/OrchestrationsPage').then((m) => ({ default: m.OrchestrationsPage })));
const InstancePage = lazy(() => import('../monitor/InstancePage').then((m) => ({ default: m.InstancePage })));
const ResourcePage = lazy(() => import('../monitor/ResourcePage').then((m) => ({ default: m.ResourcePage })));

const { Header, Sider, Content } = Layout;

/**
 * The shell: navigation, search and session. Sections are menu groups; the monitor is the first, and the
 * dashboard (projects' servers, images ...) is meant to be added as another group with its own routes.
 */
export function App() {
  const { session, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  if (!session) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />} />
      </Routes>
    );
  }

  const selected = location.pathname.startsWith('/orchestrations') ? 'orchestrations' : location.pathname.startsWith('/resources') ? 'resources' : 'overview';
  const search = (value: string) => {
    const id = value.trim();
    if (!id) return;
    navigate(id.includes(':') || id.startsWith('image-import-') ? `/orchestrations/${encodeURIComponent(id)}` : `/resources/server/${encodeURIComponent(id)}`);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={screens.xs ? 0 : 64} collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="dark" zeroWidthTriggerStyle={{ top: 12 }}>
        <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? 'FC' : 'FuncCloud'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={[
            {
              type: 'group',
              label: collapsed ? null : 'Workflow monitor',
              children: [
                { key: 'overview', icon: <DashboardOutlined />, label: <Link to="/">Overview</Link> },
                { key: 'orchestrations', icon: <UnorderedListOutlined />, label: <Link to="/orchestrations">Workflows</Link> },
                { key: 'resources', icon: <ApartmentOutlined />, label: <Link to="/resources">Resources</Link> },
              ],
            },
          ]}
        />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: screens.xs && collapsed ? '0 16px 0 56px' : '0 16px', display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #f0f0f0' }}>
          <Input.Search
            aria-label="Find a server or workflow by id"
            placeholder="Server id or workflow instance id"
            allowClear
            onSearch={search}
            style={{ maxWidth: 420 }}
          />
          <div style={{ flex: 1 }} />
          <Space>
            {screens.md && (
              <Typography.Text type="secondary">
                {session.user} · {session.project}
              </Typography.Text>
            )}
            <Button icon={<LogoutOutlined />} onClick={logout} aria-label="Log out">
              {screens.md ? 'Log out' : null}
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: screens.md ? 24 : 12 }}>
          <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '64px auto' }} aria-label="Loading" />}>
          <Routes>
            <Route path="/" element={<OverviewPage />} />
            <Route path="/orchestrations" element={<OrchestrationsPage />} />
            <Route path="/orchestrations/:instanceId" element={<InstancePage />} />
            <Route path="/resources" element={<ResourcePage />} />
            <Route path="/resources/:type/:id" element={<ResourcePage />} />
            <Route path="/login" element={<Navigate to="/" replace />} />
            <Route path="*" element={<Typography.Title level={3}>Not found</Typography.Title>} />
          </Routes>
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
