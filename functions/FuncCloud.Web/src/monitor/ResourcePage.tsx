import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Card, Empty, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../shell/api';
import { useLoad } from './useLoad';
import { StatusTag, duration, time } from './format';
import type { ResourceWorkflows } from './types';

/** A resource's workflows, newest first, with the request id `openstack server event list` shows. */
export function ResourcePage() {
  const { type = 'server', id } = useParams();
  const navigate = useNavigate();
  const api = useApi();
  const [kind, setKind] = useState(type);
  const { data, error, loading } = useLoad(
    () => (id ? api<ResourceWorkflows>(`/monitor/api/resources/${type}/${encodeURIComponent(id)}/orchestrations`) : Promise.resolve(null)),
    [type, id],
    id ? 10 : undefined,
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {id ? `${type} ${id}` : 'Find a resource'}
      </Typography.Title>
      <Space.Compact style={{ maxWidth: 560, width: '100%' }}>
        <Select
          aria-label="Resource type"
          value={kind}
          onChange={setKind}
          style={{ width: 120 }}
          options={['server', 'image', 'network', 'volume'].map((t) => ({ value: t, label: t }))}
        />
        <Input.Search
          aria-label="Resource id"
          placeholder="Resource id"
          defaultValue={id}
          enterButton="Show workflows"
          onSearch={(v) => v.trim() && navigate(`/resources/${kind}/${encodeURIComponent(v.trim())}`)}
        />
      </Space.Compact>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {id && (
        <Card size="small" title={data?.resource.project_id ? `Project ${data.resource.project_id}` : 'Workflows'}>
          <Table
            size="middle"
            loading={loading && !data}
            rowKey={(r) => r.summary.instance_id}
            dataSource={data?.orchestrations ?? []}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: <Empty description="No workflows for this resource" /> }}
            columns={[
              {
                title: 'Workflow',
                render: (_, r) => <Link to={`/orchestrations/${encodeURIComponent(r.summary.instance_id)}`}>{r.summary.name}</Link>,
              },
              { title: 'Action', dataIndex: 'action' },
              { title: 'Request id', dataIndex: 'request_id', render: (v?: string) => v && <Typography.Text code>{v}</Typography.Text> },
              { title: 'Status', render: (_, r) => <StatusTag summary={r.summary} /> },
              { title: 'Started', render: (_, r) => time(r.summary.created_at) },
              { title: 'Duration', render: (_, r) => duration(r.summary.duration_seconds) },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
