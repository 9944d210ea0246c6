/**
 * Measurements on the WGS84 ellipsoid for the measure tool, pure (tested with node against published values).
 *
 * - Distance: Vincenty's inverse formula (1975), sub-millimetre on the ellipsoid; for nearly antipodal points
 *   where it does not converge, the great-circle distance on the mean sphere is returned (never the case within
 *   a district).
 * - Area: the polygon mapped to the authalic sphere (same area as the ellipsoid: authalic latitude, radius R_q)
 *   and measured with the spherical trapezoid sum (Chamberlain & Duquette 2007, as in turf.area). Exact for
 *   quadrangles bounded by meridians and parallels; for the district's scale within a few m² per km².
 * Positions are `[lat, lng]` in degrees, like Leaflet's.
 */
const A = 6378137;
const F = 1 / 298.257223563;
const B = A * (1 - F);
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;

/** Geodesic distance in metres between two [lat, lng] positions. */
export function distance([lat1, lng1], [lat2, lng2]) {
  if (lat1 === lat2 && lng1 === lng2) return 0;
  const L = (lng2 - lng1) * RAD;
  const U1 = Math.atan((1 - F) * Math.tan(lat1 * RAD));
  const U2 = Math.atan((1 - F) * Math.tan(lat2 * RAD));
  const sinU1 = Math.sin(U1);
  const cosU1 = Math.cos(U1);
  const sinU2 = Math.sin(U2);
  const cosU2 = Math.cos(U2);
  let lambda = L;
  for (let i = 0; i < 200; i++) {
    const sinL = Math.sin(lambda);
    const cosL = Math.cos(lambda);
    const sinSigma = Math.hypot(cosU2 * sinL, cosU1 * sinU2 - sinU1 * cosU2 * cosL);
    if (sinSigma === 0) return 0;
    const cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
    const sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinL) / sinSigma;
    const cos2Alpha = 1 - sinAlpha * sinAlpha;
    const cos2SigmaM = cos2Alpha ? cosSigma - (2 * sinU1 * sinU2) / cos2Alpha : 0;
    const C = (F / 16) * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
    const prev = lambda;
    lambda = L + (1 - C) * F * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda - prev) < 1e-12) {
      const u2 = (cos2Alpha * (A * A - B * B)) / (B * B);
      const Ak = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
      const Bk = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
      const dSigma = Bk * sinSigma * (cos2SigmaM + (Bk / 4) * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
        - (Bk / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
      return B * Ak * (sigma - dSigma);
    }
  }
  // no convergence (nearly antipodal): great circle on the mean sphere
  const h = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lng2 - lng1) * RAD) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length in metres of a path of [lat, lng] positions. */
export function pathLength(points) {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distance(points[i - 1], points[i]);
  return total;
}

const q = (sinPhi) => (1 - E2) * (sinPhi / (1 - E2 * sinPhi * sinPhi) - (1 / (2 * E)) * Math.log((1 - E * sinPhi) / (1 + E * sinPhi)));
const QP = q(1);
/** Radius of the sphere with the ellipsoid's area. */
export const AUTHALIC_RADIUS = A * Math.sqrt(QP / 2);
/** sin of the authalic latitude of a geodetic latitude (degrees). */
const sinAuthalic = (lat) => q(Math.sin(lat * RAD)) / QP;

/** Area in m² of a ring of [lat, lng] positions (closed or not; either orientation). */
export function area(ring) {
  const pts = ring.length > 1 && ring[0][0] === ring.at(-1)[0] && ring[0][1] === ring.at(-1)[1] ? ring.slice(0, -1) : ring;
  if (pts.length < 3) return 0;
  let sum = 0;
  for (let i = 0; i < pts.length; i++) {
    const [latA, lngA] = pts[i];
    const [latB, lngB] = pts[(i + 1) % pts.length];
    let dLng = (lngB - lngA) * RAD;
    if (dLng > Math.PI) dLng -= 2 * Math.PI;
    if (dLng < -Math.PI) dLng += 2 * Math.PI;
    sum += dLng * (2 + sinAuthalic(latA) + sinAuthalic(latB));
  }
  return Math.abs((sum * AUTHALIC_RADIUS * AUTHALIC_RADIUS) / 2);
}

const number = (value, digits, lang) => value.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A length for people: `850 m`, `1.25 km`, `12.4 km`. */
export function formatLength(metres, lang = 'zh') {
  if (!(metres >= 0)) return '';
  if (metres < 1000) return `${number(Math.round(metres), 0, lang)} m`;
  return `${number(metres / 1000, metres < 10000 ? 2 : 1, lang)} km`;
}

/** An area for people: `640 m²`, `3.52 ha` (from 1 ha), `1.84 km²` (from 1 km²). */
export function formatArea(m2, lang = 'zh') {
  if (!(m2 >= 0)) return '';
  if (m2 < 10000) return `${number(Math.round(m2), 0, lang)} m²`;
  if (m2 < 1e6) return `${number(m2 / 10000, 2, lang)} ha`;
  return `${number(m2 / 1e6, m2 < 1e7 ? 2 : 1, lang)} km²`;
}
