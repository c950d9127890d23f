import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeError, isUnavailable, loadFailure, UNAVAILABLE_MESSAGE } from "./errors";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const silent = () => {};

describe("isUnavailable", () => {
  it("finds a refused connection under tRPC and Drizzle wrappers", () => {
    const drizzle = new Error("Failed query: select 1", { cause: refused });
    expect(isUnavailable(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: drizzle }))).toBe(true);
  });

  it("recognises Postgres shutting down (57P01) and pool connect timeouts", () => {
    expect(isUnavailable(Object.assign(new Error("terminating connection"), { code: "57P01" }))).toBe(true);
    expect(isUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(
      true,
    );
  });

  it("does not mistake a constraint violation for an outage", () => {
    expect(isUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
  });
});

describe("describeError", () => {
  it("answers 503 with the outage sentence", () => {
    expect(describeError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: refused }), silent)).toEqual({
      status: 503,
      body: { error: UNAVAILABLE_MESSAGE },
    });
  });

  it("answers 400 with field issues for invalid input", () => {
    const cause = z.object({ limit: z.number().max(100) }).safeParse({ limit: 500 }).error;
    const reply = describeError(new TRPCError({ code: "BAD_REQUEST", cause }), silent);
    expect(reply.status).toBe(400);
    expect(reply.body.issues?.[0]?.path).toBe("limit");
  });

  it("hides unexpected errors behind a generic message", () => {
    const logged: string[] = [];
    const reply = describeError(new Error("secret detail"), (line) => logged.push(line));
    expect(reply).toEqual({ status: 500, body: { error: "internal error" } });
    expect(logged[0]).toContain("secret detail");
  });
});

describe("loadFailure", () => {
  it("reads a missing thing as a 404, a lost database as unavailable, and rethrows anything else", () => {
    expect(loadFailure(new TRPCError({ code: "NOT_FOUND", message: "no article" }))).toBe("missing");
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(loadFailure(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: refused }))).toBe("unavailable");
    const bug = new TypeError("undefined is not a function");
    expect(() => loadFailure(bug)).toThrow(bug);
  });
});
