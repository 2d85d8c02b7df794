import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPOSE_NATS_CONFIG_FILE, NATS_APPS, NATS_OPERATOR_USER, composeNatsAuthorizationConfig, natsPasswordVariable } from '../../src';

const root = join(__dirname, '..', '..', '..', '..', '..');
const composeText = readFileSync(join(root, 'docker', 'compose.yaml'), 'utf8');

/** The text of each service under `services:` (two-space keys), by name. */
function services(): Map<string, string> {
  const section = composeText.slice(composeText.indexOf('\nservices:\n'));
  const blocks = section.split(/\n(?= {2}[a-z][\w-]*:\s*\n)/).slice(1);
  return new Map(blocks.map((block) => [/^ {2}([a-z][\w-]*):/.exec(block)?.[1] ?? '', block]));
}

/** `NAME: ${VARIABLE:-default}` lines of a service: variable name and default per key. */
function variables(block: string): Map<string, { variable: string; fallback: string }> {
  const found = new Map<string, { variable: string; fallback: string }>();
  for (const [, key, variable, fallback] of block.matchAll(/^\s+([A-Z_]+): \$\{([A-Z_]+):-([^}]*)\}\s*$/gm)) found.set(key, { variable, fallback });
  return found;
}

describe('the NATS configuration docker/compose.yaml runs', () => {
  it(`${COMPOSE_NATS_CONFIG_FILE} is what nats-access.ts generates (regenerate it rather than edit it)`, () => {
    expect(readFileSync(join(root, COMPOSE_NATS_CONFIG_FILE), 'utf8')).toBe(composeNatsAuthorizationConfig());
  });

  it("gives the nats service every user's password variable, with a development default", () => {
    const nats = variables(services().get('nats') ?? '');
    for (const user of [...NATS_APPS, NATS_OPERATOR_USER]) {
      const variable = natsPasswordVariable(user);
      expect(nats.get(variable)).toEqual({ variable, fallback: expect.stringMatching(/^[A-Za-z][\w-]+$/) });
    }
  });

  it('connects every app service as its own user, with the password the nats service has for it', () => {
    const all = services();
    const nats = variables(all.get('nats') ?? '');
    const appServices = [...all].filter(([, block]) => /^\s+build:/m.test(block));
    expect(appServices.length).toBeGreaterThanOrEqual(7);
    for (const [name, block] of appServices) {
      expect(NATS_APPS).toContain(name);
      expect(block).toMatch(new RegExp(`^\\s+NATS_USER: ${name}\\s*$`, 'm'));
      expect(variables(block).get('NATS_PASSWORD')).toEqual(nats.get(natsPasswordVariable(name)));
    }
  });
});
