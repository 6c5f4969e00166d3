/**
 * For encryption.test.ts: starts encrypting the store named on the command line and kills this
 * process (SIGKILL: no clean-up of any kind) halfway through copying, as a crash or power cut would.
 */
import { convertStore } from '../../../core/store/convert.ts';

let reports = 0;
convertStore(process.argv[2], {
  to: { passphrase: 'correct horse battery staple' },
  onProgress: () => {
    if (++reports === 3) process.kill(process.pid, 'SIGKILL');
  },
});
