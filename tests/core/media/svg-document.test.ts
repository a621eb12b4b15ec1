import { describe, expect, it } from 'vitest';
import { isSvgDocument } from '../../../src/core/media/svg-document';

describe('isSvgDocument', () => {
  it.each([
    ['a bare drawing', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['an XML declaration and a BOM', '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<svg viewBox="0 0 1 1"></svg>'],
    ['an editor comment and the SVG doctype', '<!-- Generator: Adobe Illustrator 27 -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg>\n</svg>'],
  ])('accepts %s', (_, text) => expect(isSvgDocument(text)).toBe(true));

  it.each([
    ['an HTML page holding an <svg>', '<!doctype html><html><body><svg></svg></body></html>'],
    ['text before the drawing', 'hello <svg></svg>'],
    ['a doctype with an entity subset', '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>'],
    ['an element named like svg', '<svgx></svgx>'],
  ])('refuses %s', (_, text) => expect(isSvgDocument(text)).toBe(false));
});
