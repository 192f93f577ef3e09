/** Evidence locks (src/lock): a signed quarter's records and table must not change. */
import { checkLocks } from '../lock/check';
import type { Check } from './check';

export const LOCKS: Check = {
  name: 'locks',
  tier: 'locks',
  emits: ['locked-record-changed', 'locked-record-missing', 'locked-table-changed', 'lock-file'],
  run: ({ folder, problems }) => [...checkLocks(folder, problems).problems],
};
