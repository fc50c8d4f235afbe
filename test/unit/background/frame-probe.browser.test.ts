// The frame probe's hidden-frame rule in a real page: a frame placed where no scroll reaches is
// hidden, but on a right-to-left page scrolling reaches left of the origin, so a frame there is
// not (the walk would otherwise pass over a frame the reader can scroll to).
import { afterEach, expect, it } from 'vitest';
import { probeFrame } from '../../../src/background/frame-probe';

afterEach(() => {
  document.documentElement.dir = '';
  document.body.innerHTML = '';
});

it('hides a frame placed left of the page where no scroll reaches', () => {
  document.body.innerHTML = '<iframe style="position:absolute;left:-9999px;width:300px;height:150px"></iframe>';
  expect(probeFrame().hidden).toEqual([0]);
});

it('keeps a frame on the left of a wide right-to-left page, which the reader can scroll to', () => {
  document.documentElement.dir = 'rtl';
  document.body.innerHTML = '<div style="width:5000px;height:50px;display:flex"><iframe style="width:300px;height:150px;margin-inline-start:4000px"></iframe></div>';
  const frame = document.querySelector('iframe')!;
  expect(frame.getBoundingClientRect().right).toBeLessThan(0);
  expect(probeFrame().hidden).toEqual([]);
  frame.scrollIntoView();
  const box = frame.getBoundingClientRect();
  expect(box.right > 0 && box.left < innerWidth).toBe(true);
});
