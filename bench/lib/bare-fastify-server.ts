/**
 * The bare-route baseline of the HTTP benchmark, run as its own process like the service: one Fastify
 * route answering a constant JSON body, no logging, plugins, auth or database. What is left is Node's
 * HTTP stack and Fastify's routing and serialisation: the ceiling of any Fastify route on this machine.
 * Listens on PORT and prints "listening" when it accepts connections.
 */
import Fastify from 'fastify';

const BODY = { job_id: '00000000-0000-4000-8000-000000000000', status: 'pending', total_candidates: 10 };

const app = Fastify({ logger: false });
app.get('/constant', async () => BODY);
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.stdout.write('listening\n');
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
