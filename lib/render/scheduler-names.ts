import { Scheduler } from '../spec/scheduler';

/** The scheduler as IPVS names it: keepalived's `lb_algo` and the appliance's Layer 4 `scheduler`. */
export const IPVS_SCHEDULER: Record<Scheduler, string> = {
  [Scheduler.WEIGHTED_LEAST_CONNECTIONS]: 'wlc',
  [Scheduler.ROUND_ROBIN]: 'wrr',
};

/** The scheduler as HAProxy names it: `balance` and the appliance's Layer 7 `scheduler`. */
export const HAPROXY_BALANCE: Record<Scheduler, string> = {
  [Scheduler.WEIGHTED_LEAST_CONNECTIONS]: 'leastconn',
  [Scheduler.ROUND_ROBIN]: 'roundrobin',
};
