import { describe, it } from 'node:test';
import { useServer } from './helpers.ts';
import { walkthrough1, walkthrough2 } from './walkthrough-steps.ts';

const api = useServer();

describe('walkthrough 1: house rules for a whole property', () => {
  it('upload, share with all tenants, visibility, download count and digest', () => walkthrough1(api));
});

describe('walkthrough 2: operating manual for one contact', () => {
  it('unit scope, one contact, edit title and sharing afterwards', () => walkthrough2(api));
});
