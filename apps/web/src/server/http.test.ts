import { describe, expect, it } from "vitest";
import { readJsonBody } from "./http";

const post = (body: BodyInit, headers: Record<string, string>) =>
  new Request("http://localhost/api/articles", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);

async function status(result: Awaited<ReturnType<typeof readJsonBody>>) {
  if (result.ok) return { status: 0, error: "" };
  return {
    status: result.response.status,
    error: ((await result.response.json()) as { error: string }).error,
  };
}

describe("readJsonBody", () => {
  it("parses a JSON body, including a charset parameter", async () => {
    const result = await readJsonBody(
      post('{"url":"https://a.example/"}', { "content-type": "application/json; charset=utf-8" }),
    );
    expect(result).toEqual({ ok: true, value: { url: "https://a.example/" } });
  });

  it("refuses other content types with 415", async () => {
    expect(
      await status(
        await readJsonBody(post("url=x", { "content-type": "application/x-www-form-urlencoded" })),
      ),
    ).toMatchObject({
      status: 415,
    });
  });

  it("refuses a declared length over the limit with 413 before reading", async () => {
    const result = await readJsonBody(
      post("{}", { "content-type": "application/json", "content-length": "2000" }),
      1000,
    );
    expect(await status(result)).toMatchObject({ status: 413 });
  });

  it("cuts off an undeclared body at the limit with 413", async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(400).fill(32));
        controller.close();
      },
    });
    expect(
      await status(await readJsonBody(post(chunks, { "content-type": "application/json" }), 1000)),
    ).toMatchObject({
      status: 413,
    });
  });

  it("answers 400 for invalid JSON", async () => {
    expect(await status(await readJsonBody(post("{nope", { "content-type": "application/json" })))).toEqual({
      status: 400,
      error: "request body is not valid JSON",
    });
  });
});
