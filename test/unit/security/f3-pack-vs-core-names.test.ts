// @vitest-environment happy-dom
// F3: a subscribed pack may add names but never take, blank or outrank the core's.
import '../helpers/static-range';
import { describe, expect, it } from 'vitest';
import { goodPack } from '../../fixtures/packs/make-pack';
import { shownOn } from './shown-on';

describe('F3: the core keeps its names against a pack', () => {
  it('a pack cannot take the core\'s names: "Government Digital Service" still means the core\'s GDS', () => {
    const pack = goodPack(); pack.meta.id = 'aaa'; pack.entities[0].aliases.push('Government Digital Service');
    expect(shownOn('<p>The Government Digital Service said so.</p>', pack)).toEqual(['gds']);
  });

  it('nor blank them out with a notAlias (pack id sorted after the core, so the core wins the bare name)', () => {
    const pack = goodPack(); pack.meta.id = 'zzz'; pack.entities[0].aliases.push('Government Digital Service');
    pack.entities[0].notAliases = ['Government Digital Service team'];
    expect(shownOn('<p>The Government Digital Service said so.</p>', pack)).toEqual(['gds']);
    expect(shownOn('<p>The Government Digital Service team said so.</p>', pack)).toEqual(['gds']);
  });

  it('a pack period from 1900 does not win the core name', () => {
    const pack = goodPack(); pack.meta.id = 'zzz'; pack.entities[0].aliases.push('Government Digital Service');
    pack.precision.periods['test-body'] = { from: '1900' };
    expect(shownOn('<p>The Government Digital Service said so.</p>', pack)).toEqual(['gds']);
  });

  it('a pack cannot blank or take a post title ("the Communities Secretary") from the core', () => {
    const page = '<p>On Tuesday the Communities Secretary said the plan would go ahead.</p>';
    const none = goodPack(); none.meta.id = 'zzz';
    const before = shownOn(page, none, '2013-03-01');
    const pack = goodPack(); pack.meta.id = 'zzz';
    pack.entities[0].kind = 'person'; pack.entities[0].name = 'Invented Person'; pack.entities[0].aliases = [];
    pack.entities[0].roles = [{ title: 'Secretary of State', body: 'DCLG', from: '2012', titles: ['Communities Secretary'], src: [{ source: 0, supports: 'x' }] }];
    expect(before.length).toBeGreaterThan(0);
    expect(shownOn(page, pack, '2013-03-01')).toEqual(before);
  });

  it('a pack\'s own new names still show', () => {
    const pack = goodPack(); pack.meta.id = 'zzz';
    expect(shownOn(`<p>The ${pack.entities[0].name} said so.</p>`, pack)).toEqual(['zzz:test-body']);
  });
});
