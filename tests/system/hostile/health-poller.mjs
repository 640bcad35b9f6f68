// A client of its own, in a process of its own: polls a URL over one kept-alive connection
// until its parent says "stop", then reports how long each answer took. hostile.spec.ts
// runs it beside the attack, so the test process's own work does not count in the waits.
import { Agent, request } from 'node:http';

const url = process.argv[2];
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const waits = [];
let failures = 0;
let running = true;
process.on('message', (message) => {
  if (message === 'stop') running = false;
});

const poll = () =>
  new Promise((resolve) => {
    const started = performance.now();
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => {
        waits.push(performance.now() - started);
        if (res.statusCode !== 200) failures++;
        resolve();
      });
    });
    req.on('error', () => {
      failures++;
      resolve();
    });
    req.end();
  });

await poll();
process.send('ready');
while (running) {
  await poll();
  await new Promise((resolve) => setTimeout(resolve, 10));
}
agent.destroy();
process.send({ waits, failures }, () => process.exit(0));
