import { secureHeaders } from 'hono/secure-headers';

/**
 * Strict headers for every response. The edge serves JSON and bytes, never pages, so the CSP
 * forbids everything and no one may frame it.
 */
export const edgeSecurityHeaders = () =>
  secureHeaders({
    strictTransportSecurity: 'max-age=63072000; includeSubDomains; preload',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
    // The app fetches with CORS; a same-site policy would block it when app and edge differ.
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    xXssProtection: '0',
  });
