/** Node: the ZIP's bytes into a file, honouring the stream's back-pressure (benchmark, demo, tests). */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ByteSink } from './zip-writer';

export function fileSink(path: string): ByteSink {
  const stream = createWriteStream(path);
  return {
    async write(chunk) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    async close() {
      stream.end();
      await once(stream, 'finish');
    },
  };
}
