import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Card, Col, Descriptions, Empty, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useApi } from '../shell/api';
import { useLoad } from './useLoad';
import { StatusTag, duration, time } from './format';
import { Gantt } from './Gantt';
import { SequenceView } from './SequenceView';
import { InstanceActions } from './InstanceActions';
import { PayloadBlock } from './PayloadBlock';
import type { Detail, Failure, HistoryEvent, ResourceStep } from './types';

/** One workflow: the why, its steps on a timeline, the sequence, history, payloads, failure and actions. */
export function InstancePage() {
  const { instanceId = '' } = useParams();
  const api = useApi();
  const [now, setNow] = useState(Date.now());
  const url = `/monitor/api/orchestrations/${encodeURIComponent(instanceId)}`;
  const { data, error, reload } = useLoad(async () => {
    setNow(Date.now());
    return api<Detail>(url);
  }, [instanceId], 5);

  // After an action, poll (bounded) until the status moves: the progress the operator sees.
  const onChanged = async (expectChange: boolean) => {
    const before = data?.summary.runtime_status;
    for (let i = 0; i < 30; i++) {
      const next = await api<Detail>(url);
      if (!expectChange || next.summary.runtime_status !== before) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await reload();
  };

  if (error && !data) return <Alert type="error" showIcon message={error} role="alert" />;
  if (!data) return <Card loading />;
  const s = data.summary;
  const failedStep = data.operation?.steps.find((step) => step.result === 'Error');
  const stuck = s.runtime_status === 'Running' || s.runtime_status === 'Pending' || s.runtime_status === 'Suspended';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/orchestrations">Workflows</Link> },
          ...(s.resource ? [{ title: <Link to={`/resources/${s.resource.type}/${s.resource.id}`}>{`${s.resource.type} ${s.resource.id}`}</Link> }] : []),
          { title: s.name },
        ]}
      />
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {s.name}
          </Typography.Title>
          <StatusTag summary={s} />
        </Space>
        <InstanceActions detail={data} onChanged={onChanged} />
      </Space>
      {data.why && (
        <Alert
          type={s.outcome === 'failed' || s.runtime_status === 'Terminated' ? 'error' : stuck ? 'warning' : 'info'}
          showIcon
          message={s.outcome === 'failed' ? 'Why it failed' : stuck ? 'Why it is not done' : 'What happened'}
          description={<span data-testid="why">{data.why}</span>}
          role="status"
        />
      )}
      {error && <Alert type="error" showIcon message={error} />}
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="Instance id">
            <Typography.Text copyable>{s.instance_id}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="Resource">
            {s.resource ? <Link to={`/resources/${s.resource.type}/${s.resource.id}`}>{`${s.resource.type} ${s.resource.id}`}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Project">{s.resource?.project_id ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Created">{time(s.created_at)}</Descriptions.Item>
          <Descriptions.Item label="Last update">{time(s.last_updated_at)}</Descriptions.Item>
          <Descriptions.Item label="Duration">{s.duration_seconds !== undefined ? duration(s.duration_seconds) : 'running'}</Descriptions.Item>
          {data.operation && (
            <Descriptions.Item label="Server action">
              {data.operation.action} · <Typography.Text code>{data.operation.request_id}</Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'timeline',
              label: 'Timeline',
              children: data.timeline.length ? <Gantt steps={data.timeline} origin={s.created_at} now={now} /> : <Empty description="No steps yet" />,
            },
            { key: 'sequence', label: 'Sequence', children: <SequenceView events={data.history} name={s.name} /> },
            { key: 'history', label: `History (${data.history.length})`, children: <HistoryTable events={data.history} /> },
            {
              key: 'payloads',
              label: 'Input / output',
              children: (
                <Row gutter={[16, 16]}>
                  <Col xs={24} lg={12}>
                    <Typography.Title level={5}>Input</Typography.Title>
                    <PayloadBlock payload={data.input} />
                  </Col>
                  <Col xs={24} lg={12}>
                    <Typography.Title level={5}>Output</Typography.Title>
                    <PayloadBlock payload={data.output} />
                    <Typography.Title level={5}>Custom status</Typography.Title>
                    <PayloadBlock payload={data.custom_status} />
                  </Col>
                </Row>
              ),
            },
            ...(data.failure || failedStep
              ? [{ key: 'failure', label: <Typography.Text type="danger">Failure</Typography.Text>, children: <FailurePanel failure={data.failure} step={failedStep} /> }]
              : []),
            ...(data.operation
              ? [{ key: 'operation', label: 'Server events', children: <OperationSteps steps={data.operation.steps} /> }]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}

function HistoryTable({ events }: { events: HistoryEvent[] }) {
  return (
    <Table<HistoryEvent>
      size="small"
      rowKey="sequence"
      dataSource={events}
      pagination={events.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 800 }}
      expandable={{
        rowExpandable: (e) => !!e.payload || !!e.failure,
        expandedRowRender: (e) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {e.payload && <PayloadBlock payload={e.payload} />}
            {e.failure && <FailurePanel failure={e.failure} />}
          </Space>
        ),
      }}
      columns={[
        { title: '#', dataIndex: 'sequence', width: 50 },
        { title: 'Time', dataIndex: 'timestamp', render: (t: string) => time(t), width: 170 },
        { title: 'Event', dataIndex: 'kind', render: (k: string) => <Tag color={k.includes('failed') ? 'red' : k.includes('completed') ? 'green' : 'default'}>{k}</Tag> },
        { title: 'Name', dataIndex: 'name' },
        { title: 'Attempt', dataIndex: 'attempt', width: 80 },
        { title: 'Node', dataIndex: 'node' },
      ]}
    />
  );
}

function FailurePanel({ failure, step }: { failure?: Failure; step?: ResourceStep }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {step && (
        <Alert
          type="error"
          message={`${step.event}${step.host ? ` on node ${step.host}` : ''}: ${step.details ?? 'failed'}`}
          description={step.traceback && <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{step.traceback}</pre>}
        />
      )}
      {failure && (
        <div>
          <Typography.Text strong>{failure.error_type}</Typography.Text>: <Typography.Text>{failure.message}</Typography.Text>
          {failure.stack_trace && <pre style={{ background: '#fff1f0', padding: 8, overflow: 'auto', fontSize: 12 }}>{failure.stack_trace}</pre>}
          {failure.inner && (
            <div style={{ marginLeft: 16 }}>
              <Typography.Text type="secondary">caused by</Typography.Text>
              <FailurePanel failure={failure.inner} />
            </div>
          )}
        </div>
      )}
    </Space>
  );
}

function OperationSteps({ steps }: { steps: ResourceStep[] }) {
  return (
    <Table<ResourceStep>
      size="small"
      rowKey="event"
      dataSource={steps}
      pagination={false}
      scroll={{ x: 700 }}
      columns={[
        { title: 'Step', dataIndex: 'event' },
        { title: 'Node', dataIndex: 'host' },
        { title: 'Result', dataIndex: 'result', render: (r?: string) => r && <Tag color={r === 'Error' ? 'red' : 'green'}>{r}</Tag> },
        { title: 'Started', dataIndex: 'start', render: (t: string) => time(t) },
        { title: 'Finished', dataIndex: 'finish', render: (t?: string) => time(t) },
        { title: 'Details', dataIndex: 'details' },
      ]}
    />
  );
}
