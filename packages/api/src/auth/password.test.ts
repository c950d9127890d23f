import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "./password";

describe("password hashes", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts: the same password hashes differently twice, and each hash verifies", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password", a)).toBe(true);
    expect(await verifyPassword("same password", b)).toBe(true);
  });

  it("refuses tampered and malformed hashes without throwing", async () => {
    const stored = await hashPassword("a password of mine");
    const parts = stored.split("$");
    const flipped = (text: string) => (text[0] === "A" ? "B" : "A") + text.slice(1);
    const tampered = [
      [...parts.slice(0, 5), flipped(parts[5]!)].join("$"),
      [...parts.slice(0, 4), flipped(parts[4]!), parts[5]].join("$"),
      ["scrypt", "14", ...parts.slice(2)].join("$"),
      ["scrypt", "30", ...parts.slice(2)].join("$"),
      ["bcrypt", ...parts.slice(1)].join("$"),
      parts.slice(0, 5).join("$"),
      "",
      "scrypt$15$8$1$$",
    ];
    for (const hash of tampered) expect(await verifyPassword("a password of mine", hash), hash).toBe(false);
  });

  it("says when a stored hash was made with weaker parameters", async () => {
    expect(needsRehash(await hashPassword("x".repeat(10)))).toBe(false);
    expect(
      needsRehash("scrypt$14$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
    ).toBe(true);
  });
});
