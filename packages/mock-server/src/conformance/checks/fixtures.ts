/** The fixtures of DOMAIN.md every other check relies on: checked first, so a seeding gap shows as such. */
import type { Check } from '../kit.js';

export const fixtureChecks: Check[] = [
  {
    id: 'fixtures.seeded',
    rule: 'The backend holds the fixtures of DOMAIN.md with their ids (properties, addresses, the unit max-planck-12-w002, the group rosenweg-24-beirat)',
    async run(ctx) {
      const props = await ctx.call('GET', '/properties');
      ctx.expect(
        props.status === 200,
        `GET /properties as the manager: expected 200, got ${props.status} ${props.text.slice(0, 200)} (is --manager-token right?)`,
      );
      const ids = (props.body?.items ?? []).map((p: { id: string }) => p.id);
      for (const id of ['rosenweg-24', 'max-planck-12'])
        ctx.expect(
          ids.includes(id),
          `seed the property ${id} (DOMAIN.md); GET /properties lists ${ids.slice(0, 10).join(', ') || 'nothing'}`,
        );
      const rosenweg = await ctx.call('GET', '/properties/rosenweg-24');
      const addresses = (rosenweg.body?.addresses ?? []).map((a: { id: string }) => a.id);
      ctx.expect(
        addresses.includes('rosenweg-24') && addresses.includes('rosenweg-24a'),
        `seed the addresses rosenweg-24 and rosenweg-24a of rosenweg-24; found ${addresses.join(', ') || 'none'}`,
      );
      ctx.expect(
        (await ctx.call('GET', '/units/max-planck-12-w002')).status === 200,
        'seed the unit max-planck-12-w002 ("Wohnung 002")',
      );
      const groups = ((await ctx.call('GET', '/properties/rosenweg-24/groups')).body?.items ?? []).map(
        (g: { id: string }) => g.id,
      );
      ctx.expect(
        groups.includes('rosenweg-24-beirat'),
        `seed the group rosenweg-24-beirat; found ${groups.join(', ') || 'none'}`,
      );
    },
  },
];
