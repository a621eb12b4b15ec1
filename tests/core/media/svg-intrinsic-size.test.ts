import { describe, expect, it } from 'vitest';
import { withIntrinsicSize } from '../../../src/core/media/svg-intrinsic-size';

describe('withIntrinsicSize', () => {
  it('adds width and height from the viewBox', () => {
    expect(withIntrinsicSize('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><g/></svg>')).toBe(
      '<?xml version="1.0"?><svg height="50" width="100" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><g/></svg>',
    );
  });
  it('keeps what is already sized, and what it cannot size', () => {
    const sized = '<svg width="10" height="10" viewBox="0 0 100 100"/>';
    expect(withIntrinsicSize(sized)).toBe(sized);
    expect(withIntrinsicSize('<svg><rect/></svg>')).toBe('<svg><rect/></svg>');
    expect(withIntrinsicSize('not svg')).toBe('not svg');
    expect(withIntrinsicSize('<svg width="10" viewBox="0,0,30,40"/>')).toBe('<svg height="40" width="10" viewBox="0,0,30,40"/>');
  });
});
