/** Masks of personal data shown to those without the right to see it whole (phones keep 3 + 4 digits, IDs 4 + 4). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return phone ? '****' : '';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskIdNumber(id: string): string {
  if (id.length < 8) return id ? '****' : '';
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
