import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Col, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import dayjs from 'dayjs';
import { useApi } from '../shell/api';
import { useLoad } from './useLoad';
import { STATUSES, STATUS_CHART_COLORS, StatusTag, ago, duration } from './format';
import type { Stats, Summary } from './types';

const RANGES: Record<string, number> = { '1 h': 1, '6 h': 6, '24 h': 24, '7 d': 168 };

/** Counts by status, starts / completions / failures over time, the slowest and the recently failed workflows. */
export function OverviewPage() {
  const api = useApi();
  const [range, setRange] = useState('24 h');
  const { data, error } = useLoad(() => {
    const to = dayjs();
    const from = to.subtract(RANGES[range], 'hour');
    return api<Stats>(`/monitor/api/stats?from=${from.toISOString()}&to=${to.toISOString()}&buckets=${RANGES[range] > 24 ? 56 : 48}`);
  }, [range], 15);

  const histogram = (data?.histogram ?? []).map((b) => ({ ...b, label: dayjs(b.start).format(RANGES[range] > 24 ? 'MM-DD HH:mm' : 'HH:mm') }));
  const statusLink = (s: string) => `/orchestrations?status=${s}&created_from=${data ? encodeURIComponent(data.from) : ''}`;
  const names = Object.entries(data?.by_name ?? {}).map(([name, count]) => ({ name, count }));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Workflows overview
        </Typography.Title>
        <Segmented aria-label="Time range" options={Object.keys(RANGES)} value={range} onChange={(v) => setRange(String(v))} />
      </Space>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {data?.truncated && <Alert type="warning" showIcon message={`Only the newest ${data.total} workflows of this range are counted.`} />}
      <Row gutter={[16, 16]}>
        {STATUSES.map((s) => (
          <Col key={s} xs={12} sm={8} lg={4}>
            <Link to={statusLink(s)} aria-label={`${s} workflows`}>
              <Card hoverable size="small">
                <Statistic title={s} value={data?.by_status[s] ?? 0} valueStyle={{ color: STATUS_CHART_COLORS[s] }} />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title="Started, completed and failed" size="small">
            <div style={{ width: '100%', height: 260 }}>
              <ResponsiveContainer>
                <BarChart data={histogram} margin={{ left: -20, right: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" minTickGap={24} fontSize={12} />
                  <YAxis allowDecimals={false} fontSize={12} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="started" name="Started" fill="#1677ff" isAnimationActive={false} />
                  <Bar dataKey="completed" name="Completed" fill="#52c41a" isAnimationActive={false} />
                  <Bar dataKey="failed" name="Failed" fill="#ff4d4f" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="By workflow" size="small">
            <div style={{ width: '100%', height: 260 }}>
              <ResponsiveContainer>
                <BarChart data={names} layout="vertical" margin={{ left: 24, right: 16 }}>
                  <XAxis type="number" allowDecimals={false} fontSize={12} />
                  <YAxis type="category" dataKey="name" width={150} fontSize={11} />
                  <Tooltip />
                  <Bar dataKey="count" name="Workflows" fill="#1f6feb" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="Failed recently" size="small">
            <SummaryTable rows={data?.failed_recently ?? []} showReason />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="Slowest" size="small">
            <SummaryTable rows={data?.slowest ?? []} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function SummaryTable({ rows, showReason }: { rows: Summary[]; showReason?: boolean }) {
  return (
    <Table
      size="small"
      rowKey="instance_id"
      pagination={false}
      dataSource={rows}
      scroll={{ x: true }}
      locale={{ emptyText: 'None in this range' }}
      columns={[
        { title: 'Workflow', dataIndex: 'instance_id', render: (id: string, r) => <Link to={`/orchestrations/${encodeURIComponent(id)}`}>{r.name}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{id}</Typography.Text></Link> },
        { title: 'Status', render: (_, r) => <StatusTag summary={r} /> },
        showReason
          ? { title: 'Why', dataIndex: 'outcome_message', render: (m?: string) => <Typography.Text ellipsis={{ tooltip: m }} style={{ maxWidth: 260 }}>{m}</Typography.Text> }
          : { title: 'Duration', dataIndex: 'duration_seconds', render: (d?: number) => duration(d) },
        { title: 'Ended', dataIndex: 'last_updated_at', render: (t: string) => ago(t) },
      ]}
    />
  );
}
