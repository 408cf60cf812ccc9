import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { Summary } from './types';

dayjs.extend(utc);
dayjs.extend(relativeTime);

export const STATUSES = ['Pending', 'Running', 'Suspended', 'Completed', 'Failed', 'Terminated'];

const COLORS: Record<string, string> = {
  Pending: 'default',
  Running: 'processing',
  Suspended: 'warning',
  Completed: 'success',
  Failed: 'error',
  Terminated: 'magenta',
};

export const STATUS_CHART_COLORS: Record<string, string> = {
  Pending: '#8c8c8c',
  Running: '#1677ff',
  Suspended: '#faad14',
  Completed: '#52c41a',
  Failed: '#ff4d4f',
  Terminated: '#c41d7f',
};

/** The runtime status, and "rolled back" when a completed workflow's operation failed. */
export function StatusTag({ summary }: { summary: Summary }) {
  const tag = <Tag color={COLORS[summary.runtime_status] ?? 'default'}>{summary.runtime_status}</Tag>;
  if (summary.outcome === 'failed' && summary.runtime_status !== 'Failed') {
    return (
      <Tooltip title={summary.outcome_message}>
        <span>
          {tag}
          <Tag color="error">operation failed</Tag>
        </span>
      </Tooltip>
    );
  }
  return tag;
}

export function time(value?: string): string {
  return value ? dayjs.utc(value).local().format('YYYY-MM-DD HH:mm:ss') : '';
}

export function ago(value: string): string {
  return dayjs.utc(value).fromNow();
}

export function duration(seconds?: number): string {
  if (seconds === undefined || seconds === null) return '';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 90) return `${seconds.toFixed(1)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
