/** The monitor API's shapes (snake_case, as on the wire). */
export interface ResourceRef {
  type: string;
  id: string;
  project_id?: string;
}

export interface Summary {
  instance_id: string;
  name: string;
  runtime_status: string;
  created_at: string;
  last_updated_at: string;
  duration_seconds?: number;
  resource?: ResourceRef;
  outcome?: string;
  outcome_message?: string;
}

export interface Page {
  orchestrations: Summary[];
  continuation?: string;
  scanned: number;
}

export interface Payload {
  text?: string;
  length: number;
  truncated: boolean;
  href?: string;
}

export interface Failure {
  error_type: string;
  message: string;
  stack_trace?: string;
  inner?: Failure;
}

export interface HistoryEvent {
  sequence: number;
  event_id: number;
  kind: string;
  timestamp: string;
  name?: string;
  scheduled_id?: number;
  attempt?: number;
  node?: string;
  fire_at?: string;
  instance_id?: string;
  payload?: Payload;
  failure?: Failure;
}

export interface Step {
  kind: string;
  name: string;
  start: string;
  end?: string;
  status: string;
  attempt?: number;
  node?: string;
  detail?: string;
}

export interface ResourceStep {
  event: string;
  start: string;
  finish?: string;
  result?: string;
  host?: string;
  details?: string;
  traceback?: string;
}

export interface Detail {
  summary: Summary;
  why?: string;
  input?: Payload;
  output?: Payload;
  custom_status?: Payload;
  failure?: Failure;
  history: HistoryEvent[];
  timeline: Step[];
  operation?: { action: string; request_id: string; message?: string; steps: ResourceStep[] };
  actions: string[];
}

export interface Stats {
  from: string;
  to: string;
  total: number;
  truncated: boolean;
  by_status: Record<string, number>;
  by_name: Record<string, number>;
  histogram: { start: string; started: number; completed: number; failed: number }[];
  slowest: Summary[];
  failed_recently: Summary[];
}

export interface ResourceWorkflows {
  resource: ResourceRef;
  orchestrations: { summary: Summary; action?: string; request_id?: string }[];
}
