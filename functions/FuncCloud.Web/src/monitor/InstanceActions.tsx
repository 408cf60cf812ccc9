import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, Modal, Space, Tooltip } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../shell/api';
import type { Detail } from './types';

const LABELS: Record<string, string> = {
  terminate: 'Terminate',
  suspend: 'Suspend',
  resume: 'Resume',
  raise_event: 'Raise event…',
  restart: 'Restart',
  purge: 'Purge',
  rewind: 'Rewind',
};

/**
 * The actions the instance accepts now, each confirmed first; after one, the page polls until the status
 * changes (progress), and shows the API's message when it refuses.
 */
export function InstanceActions({ detail, onChanged }: { detail: Detail; onChanged: (expectChange: boolean) => Promise<void> }) {
  const api = useApi();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [eventOpen, setEventOpen] = useState(false);
  const id = detail.summary.instance_id;
  const base = `/monitor/api/orchestrations/${encodeURIComponent(id)}`;

  const run = async (action: string, body: unknown = {}) => {
    setBusy(action);
    const progress = message.loading({ content: `${LABELS[action].replace('…', '')} in progress…`, duration: 0 });
    try {
      const result = await api<{ new_instance_id?: string; purged?: number }>(action === 'purge' ? base : `${base}/${action}`, {
        method: action === 'purge' ? 'DELETE' : 'POST',
        body,
      });
      progress();
      if (action === 'purge') {
        message.success(`Purged ${id}.`);
        navigate('/orchestrations');
        return;
      }
      await onChanged(true);
      message.success(`${LABELS[action].replace('…', '')} done.`);
      if (result.new_instance_id && result.new_instance_id !== id) navigate(`/orchestrations/${encodeURIComponent(result.new_instance_id)}`);
    } catch (e) {
      progress();
      modal.error({ title: `${LABELS[action].replace('…', '')} failed`, content: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };

  const confirm = (action: string) => {
    let newId = false;
    let reason = '';
    modal.confirm({
      title: `${LABELS[action]} ${id}?`,
      okText: LABELS[action],
      okButtonProps: { danger: action === 'terminate' || action === 'purge' },
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          {action === 'terminate' && 'The workflow stops where it is; it does not compensate. The resource may need attention.'}
          {action === 'purge' && 'Its history is deleted for good.'}
          {action === 'restart' && (
            <>
              Runs the workflow again from its original input.
              <Checkbox onChange={(e) => (newId = e.target.checked)}>with a new instance id</Checkbox>
            </>
          )}
          {(action === 'terminate' || action === 'suspend' || action === 'resume') && (
            <Input aria-label="Reason" placeholder="Reason (optional)" onChange={(e) => (reason = e.target.value)} />
          )}
        </Space>
      ),
      onOk: () => run(action, action === 'restart' ? { new_instance_id: newId } : reason ? { reason } : {}),
    });
  };

  return (
    <Space wrap>
      {detail.actions.map((action) => (
        <Button
          key={action}
          danger={action === 'terminate' || action === 'purge'}
          loading={busy === action}
          onClick={() => (action === 'raise_event' ? setEventOpen(true) : confirm(action))}
        >
          {LABELS[action] ?? action}
        </Button>
      ))}
      {detail.summary.runtime_status === 'Failed' && (
        <Tooltip title="The Azure Storage backend as hosted here cannot rewind: restart runs the workflow again from its input.">
          <Button onClick={() => void run('rewind')}>Rewind</Button>
        </Tooltip>
      )}
      <RaiseEventDialog open={eventOpen} onClose={() => setEventOpen(false)} onRaise={(name, data) => run('raise_event', { name, data })} />
    </Space>
  );
}

function RaiseEventDialog({ open, onClose, onRaise }: { open: boolean; onClose: () => void; onRaise: (name: string, data: unknown) => Promise<void> }) {
  const [form] = Form.useForm<{ name: string; data: string }>();
  return (
    <Modal
      open={open}
      title="Raise an event"
      okText="Raise"
      onCancel={onClose}
      onOk={async () => {
        const values = await form.validateFields();
        await onRaise(values.name, values.data ? JSON.parse(values.data) : null);
        onClose();
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item label="Event name" name="name" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label="Data (JSON)"
          name="data"
          rules={[
            {
              validator: async (_, v: string) => {
                if (v) JSON.parse(v);
              },
              message: 'Not valid JSON',
            },
          ]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
