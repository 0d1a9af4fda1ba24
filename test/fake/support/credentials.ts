/** Request headers for each of the three credential kinds Onezone accepts. */
export const xAuthToken = (token: string) => ({ "X-Auth-Token": token });
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
export const basic = (username: string, password: string) => ({
  Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`,
});
