import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined, DeleteOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useApi } from '../shell/api';
import { useLoad } from './useLoad';
import { STATUSES, StatusTag, duration, time } from './format';
import type { Page, Summary } from './types';

const FILTERS = ['status', 'name', 'instance_id_prefix', 'resource_type', 'resource_id', 'project_id', 'outcome', 'created_from', 'created_to', 'sort', 'order'];

/** Every workflow, filtered and sorted by the URL's query (shareable), paged by continuation, optionally auto-refreshed. */
export function OrchestrationsPage() {
  const api = useApi();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [tokens, setTokens] = useState<string[]>([]); // continuations of the pages before the current one
  const [purgeOpen, setPurgeOpen] = useState(false);
  const refresh = Number(params.get('refresh') ?? 0);
  const current = params.get('continuation') ?? undefined;
  const query = new URLSearchParams();
  FILTERS.forEach((f) => params.get(f) && query.set(f, params.get(f)!));
  query.set('limit', params.get('limit') ?? '25');
  if (current) query.set('continuation', current);
  const { data, error, loading, reload } = useLoad(() => api<Page>(`/monitor/api/orchestrations?${query}`), [query.toString()], refresh || undefined);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    Object.entries(changes).forEach(([k, v]) => (v ? next.set(k, v) : next.delete(k)));
    next.delete('continuation');
    setTokens([]);
    setParams(next);
  };
  const goNext = () => {
    if (!data?.continuation) return;
    setTokens([...tokens, current ?? '']);
    const next = new URLSearchParams(params);
    next.set('continuation', data.continuation);
    setParams(next);
  };
  const goBack = () => {
    const previous = tokens[tokens.length - 1];
    setTokens(tokens.slice(0, -1));
    const next = new URLSearchParams(params);
    if (previous) next.set('continuation', previous);
    else next.delete('continuation');
    setParams(next);
  };
  const onTable: TableProps<Summary>['onChange'] = (_, __, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    update({ sort: s?.order ? String(s.field) : undefined, order: s?.order === 'ascend' ? 'asc' : s?.order ? 'desc' : undefined });
  };
  const sortOrder = (field: string) => (params.get('sort') === field ? (params.get('order') === 'asc' ? 'ascend' : 'descend') : null);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Workflows
        </Typography.Title>
        <Space wrap>
          <Space>
            <Switch
              aria-label="Auto-refresh every 5 seconds"
              checked={refresh > 0}
              onChange={(on) => {
                const next = new URLSearchParams(params);
                if (on) next.set('refresh', '5');
                else next.delete('refresh');
                setParams(next);
              }}
            />
            <Typography.Text>Auto-refresh</Typography.Text>
          </Space>
          <Button icon={<ReloadOutlined />} onClick={() => void reload()} loading={loading}>
            Refresh
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={() => setPurgeOpen(true)}>
            Purge old…
          </Button>
        </Space>
      </Space>
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8 }} aria-label="Filters">
          <Form.Item label="Status">
            <Select
              aria-label="Status"
              mode="multiple"
              allowClear
              style={{ minWidth: 200 }}
              value={params.get('status')?.split(',').filter(Boolean) ?? []}
              options={STATUSES.map((s) => ({ value: s, label: s }))}
              onChange={(v: string[]) => update({ status: v.join(',') || undefined })}
            />
          </Form.Item>
          <Form.Item label="Workflow">
            <Input.Search aria-label="Workflow name" allowClear defaultValue={params.get('name') ?? ''} onSearch={(v) => update({ name: v || undefined })} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="Instance id starts with">
            <Input.Search aria-label="Instance id prefix" allowClear defaultValue={params.get('instance_id_prefix') ?? ''} onSearch={(v) => update({ instance_id_prefix: v || undefined })} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label="Project">
            <Input.Search aria-label="Project id" allowClear defaultValue={params.get('project_id') ?? ''} onSearch={(v) => update({ project_id: v || undefined })} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={params.get('outcome') === 'failed'} onChange={(e) => update({ outcome: e.target.checked ? 'failed' : undefined })}>
              Failed operations only
            </Checkbox>
          </Form.Item>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      <Table<Summary>
        rowKey="instance_id"
        size="middle"
        loading={loading && !data}
        dataSource={data?.orchestrations ?? []}
        pagination={false}
        onChange={onTable}
        scroll={{ x: 900 }}
        columns={[
          {
            title: 'Instance',
            dataIndex: 'instance_id',
            sorter: true,
            sortOrder: sortOrder('instance_id'),
            render: (id: string) => <Link to={`/orchestrations/${encodeURIComponent(id)}`}>{id}</Link>,
          },
          { title: 'Workflow', dataIndex: 'name', sorter: true, sortOrder: sortOrder('name') },
          { title: 'Status', dataIndex: 'runtime_status', sorter: true, sortOrder: sortOrder('runtime_status'), render: (_, r) => <StatusTag summary={r} /> },
          {
            title: 'Resource',
            dataIndex: 'resource',
            render: (_, r) => r.resource && <Link to={`/resources/${r.resource.type}/${r.resource.id}`}>{r.resource.type} {r.resource.id.slice(0, 8)}</Link>,
          },
          { title: 'Created', dataIndex: 'created_at', sorter: true, sortOrder: sortOrder('created_at'), render: (t: string) => time(t) },
          { title: 'Duration', dataIndex: 'duration', sorter: true, sortOrder: sortOrder('duration'), render: (_, r) => duration(r.duration_seconds) },
        ]}
      />
      <Space>
        <Button icon={<LeftOutlined />} disabled={tokens.length === 0} onClick={goBack} aria-label="Previous page">
          Previous
        </Button>
        <Button disabled={!data?.continuation} onClick={goNext} aria-label="Next page">
          Next <RightOutlined />
        </Button>
        {data && <Typography.Text type="secondary">{data.orchestrations.length} shown · {data.scanned} read</Typography.Text>}
      </Space>
      <PurgeDialog
        open={purgeOpen}
        onClose={() => setPurgeOpen(false)}
        onPurge={async (statuses, hours) => {
          const result = await api<{ purged: number }>('/monitor/api/purge', { method: 'POST', body: { statuses, older_than_hours: hours } });
          message.success(`Purged ${result.purged} workflow${result.purged === 1 ? '' : 's'}.`);
          setPurgeOpen(false);
          void reload();
        }}
      />
    </Space>
  );
}

function PurgeDialog({ open, onClose, onPurge }: { open: boolean; onClose: () => void; onPurge: (statuses: string[], hours: number) => Promise<void> }) {
  const [statuses, setStatuses] = useState<string[]>(['Completed', 'Failed', 'Terminated']);
  const [hours, setHours] = useState<number>(24);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open={open}
      title="Purge finished workflows"
      okText="Purge"
      okButtonProps={{ danger: true, loading: busy, disabled: statuses.length === 0 }}
      onCancel={onClose}
      onOk={async () => {
        setBusy(true);
        setError(null);
        try {
          await onPurge(statuses, hours);
        } catch (e) {
          setError((e as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>Their history is deleted for good. Running workflows are never purged.</Typography.Paragraph>
        <Checkbox.Group aria-label="Statuses to purge" options={['Completed', 'Failed', 'Terminated']} value={statuses} onChange={(v) => setStatuses(v as string[])} />
        <Space>
          <Typography.Text>Created more than</Typography.Text>
          <InputNumber aria-label="Older than hours" min={0} value={hours} onChange={(v) => setHours(v ?? 0)} />
          <Typography.Text>hours ago</Typography.Text>
        </Space>
        {error && <Alert type="error" showIcon message={error} role="alert" />}
      </Space>
    </Modal>
  );
}
