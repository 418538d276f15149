/** Change the password (current one required). */
export function PasswordSection() {
  return null;
}
