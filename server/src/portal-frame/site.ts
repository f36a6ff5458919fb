/**
 * Who runs the site (网站标识): the name and the marks a government website shows in its footer —
 * 主办单位, 承办单位, 网站标识码, ICP备案号 and 公安机关备案号 (国办发〔2017〕47号《政府网站发展指引》;
 * configured in the environment, see README "Configuration") — and the favicon.
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import type { Deps } from '../shared/deps.ts';

export interface SiteIdentity {
  siteName: string;
  regionName: string;
  hostOrg: string;
  operator: string;
  siteIdCode: string | null;
  icp: string | null;
  psb: string | null;
  /** the digits of the 公安机关备案号, for the registry's look-up link */
  psbCode: string | null;
}

export async function siteIdentity(deps: Deps): Promise<SiteIdentity> {
  const dir = await agencyDirectory(deps);
  const region = dir.all().find((a) => a.kind === 'region' && a.parentId === null && a.active);
  const regionName = region?.name ?? '';
  const government = region
    ? dir.childrenOf(region.id).find((a) => a.kind === 'government' && a.active)
    : undefined;
  const m = deps.config.siteMarks;
  const hostOrg = m.hostOrg ?? government?.name ?? (regionName || deps.config.siteName);
  return {
    siteName: regionName ? `${regionName}政府信息公开` : deps.config.siteName,
    regionName,
    hostOrg,
    operator: m.operator ?? hostOrg,
    siteIdCode: deps.config.siteIdCode ?? null,
    icp: m.icp ?? null,
    psb: m.psb ?? null,
    psbCode: m.psb?.match(/\d{10,}/)?.[0] ?? null,
  };
}

/** The site's mark: a red square with the character 公 (SVG for current browsers). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#a4161a"/><text x="16" y="24" font-size="22" text-anchor="middle" fill="#fff" font-family="'Noto Sans CJK SC','Microsoft YaHei',sans-serif" font-weight="700">公</text></svg>`;

/**
 * favicon.ico for browsers and tools that ask for it by name: a 16×16 32-bit icon (BMP inside ICO),
 * the red square with a white frame, built once in memory.
 */
export function faviconIco(): Buffer {
  const size = 16;
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(1, 4); // one image
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      // rows bottom-up; BGRA
      const o = ((size - 1 - y) * size + x) * 4;
      const frame = (x === 3 || x === 12 || y === 3 || y === 12) && x >= 3 && x <= 12 && y >= 3 && y <= 12;
      const bar = y === 8 && x >= 5 && x <= 10;
      const white = frame || bar;
      pixels[o] = white ? 255 : 0x1a;
      pixels[o + 1] = white ? 255 : 0x16;
      pixels[o + 2] = white ? 255 : 0xa4;
      pixels[o + 3] = 255;
    }
  const mask = Buffer.alloc(size * 4); // 1-bit AND mask, rows padded to 32 bits: all opaque
  const bmp = Buffer.alloc(40);
  bmp.writeUInt32LE(40, 0);
  bmp.writeInt32LE(size, 4);
  bmp.writeInt32LE(size * 2, 8); // XOR + AND height
  bmp.writeUInt16LE(1, 12);
  bmp.writeUInt16LE(32, 14);
  bmp.writeUInt32LE(pixels.length + mask.length, 20);
  const image = Buffer.concat([bmp, pixels, mask]);
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, image]);
}
