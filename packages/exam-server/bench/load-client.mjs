// The bench's load client, run as its own process so that the server under test does not share its event loop:
// reads {base, targets[], clients, total} as JSON from argv, each client PUTs answers (keep-alive, one socket
// per client) to its own target, and prints {perSecond, p50, p99, failures} as JSON.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

const { base, targets, clients, total } = JSON.parse(process.argv[2]);
const agent = new Agent({ keepAlive: true, maxSockets: clients });
const put = (url, body, token) =>
  new Promise((resolve, reject) => {
    const call = request(url, { method: 'PUT', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
      response.once('error', reject);
    });
    call.once('error', reject);
    call.end(body);
  });

const latencies = [];
let next = 0;
let failures = 0;
const client = async (index) => {
  const target = targets[index % targets.length];
  for (let sent = 0; next < total; sent += 1) {
    next += 1;
    const question = target.questions[sent % target.questions.length];
    const body = JSON.stringify({ answer: [question.keys[Math.floor(sent / target.questions.length) % question.keys.length]] });
    const started = performance.now();
    const status = await put(`${base}${target.path}${encodeURIComponent(question.id)}`, body, target.token);
    latencies.push(performance.now() - started);
    if (status !== 200) failures += 1;
  }
};
const started = performance.now();
await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
agent.destroy();
process.stdout.write(
  JSON.stringify({ perSecond: latencies.length / seconds, p50: latencies[Math.floor(latencies.length * 0.5)], p99: latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)], failures }),
);
