import { Tag, Timeline, Typography } from 'antd';
import type { HistoryEvent } from './types';
import { time } from './format';

/** Who talked to whom, in order: the orchestrator, its activities, the agents' nodes, events and sub-workflows. */
export function SequenceView({ events, name }: { events: HistoryEvent[]; name: string }) {
  const names = new Map(events.filter((e) => e.kind === 'activity_scheduled').map((e) => [e.event_id, e.name]));
  const items = events.map((e) => {
    const [from, to, text, color] = describe(e, name, names);
    return {
      color,
      children: (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {time(e.timestamp)}
          </Typography.Text>{' '}
          <Tag>{from}</Tag>→<Tag style={{ marginLeft: 8 }}>{to}</Tag>
          <Typography.Text>{text}</Typography.Text>
          {e.failure && (
            <div>
              <Typography.Text type="danger">{e.failure.message}</Typography.Text>
            </div>
          )}
        </div>
      ),
    };
  });
  return <Timeline items={items} />;
}

function describe(e: HistoryEvent, orchestrator: string, names: Map<number, string | undefined>): [string, string, string, string] {
  const activity = e.name ?? (e.scheduled_id !== undefined ? names.get(e.scheduled_id) : undefined) ?? 'activity';
  const attempt = e.attempt && e.attempt > 1 ? ` (attempt ${e.attempt})` : '';
  switch (e.kind) {
    case 'execution_started':
      return ['client', orchestrator, 'start', 'blue'];
    case 'activity_scheduled':
      return [orchestrator, activity, `call${attempt}`, 'blue'];
    case 'activity_completed':
      return [activity, orchestrator, `result${attempt}`, 'green'];
    case 'activity_failed':
      return [activity, orchestrator, `failed${attempt}`, 'red'];
    case 'timer_created':
      return [orchestrator, 'timer', `wait until ${time(e.fire_at)}`, 'gray'];
    case 'timer_fired':
      return ['timer', orchestrator, 'fired', 'orange'];
    case 'event_raised':
      return [e.node ? `agent ${e.node}` : 'client', orchestrator, `event ${e.name}`, e.node ? 'green' : 'blue'];
    case 'event_sent':
      return [orchestrator, e.instance_id ?? 'instance', `event ${e.name}`, 'blue'];
    case 'suborchestration_created':
      return [orchestrator, e.name ?? 'sub-workflow', 'start', 'blue'];
    case 'suborchestration_completed':
      return ['sub-workflow', orchestrator, 'completed', 'green'];
    case 'suborchestration_failed':
      return ['sub-workflow', orchestrator, 'failed', 'red'];
    case 'execution_suspended':
      return ['operator', orchestrator, 'suspend', 'orange'];
    case 'execution_resumed':
      return ['operator', orchestrator, 'resume', 'blue'];
    case 'execution_terminated':
      return ['operator', orchestrator, 'terminate', 'red'];
    case 'execution_completed':
      return [orchestrator, 'client', `ended ${e.name ?? ''}`, e.failure ? 'red' : 'green'];
    default:
      return [orchestrator, orchestrator, e.kind, 'gray'];
  }
}
