// 个人信息脱敏: what a viewer who does not manage a person sees instead of the value.

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  return id.length > 4 ? `${id.slice(0, 2)}${'*'.repeat(id.length - 4)}${id.slice(-2)}` : '****';
}

export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return address ?? null;
  const chars = [...address];
  return `${chars.slice(0, Math.min(6, Math.floor(chars.length / 2))).join('')}****`;
}

/** 何福琴 → 何** ; 江萨亚·叶尔布拉提 → 江******** : keeps the surname only */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 8))}`;
}
