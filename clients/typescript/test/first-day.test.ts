/**
 * A partner's first day through the TypeScript SDK only, against a live service
 * (SN_BASE_URL, SN_OPERATOR_TOKEN): tests/integration/test_sdk_first_day.py starts one and
 * runs this under node's test runner. The webhook check runs without a service.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, test } from "node:test";

import {
  all,
  type Answer,
  ApiError,
  createSupportNetworkClient,
  type Event,
  paginate,
  type Schemas,
  type SupportNetworkClient,
  unwrap,
  updateWithETag,
  verifyWebhook,
  versioned,
  WebhookVerificationError,
} from "../src/index.ts";

const baseUrl = process.env["SN_BASE_URL"];
const operatorToken = process.env["SN_OPERATOR_TOKEN"];

async function newOrganization(
  operator: SupportNetworkClient,
  kind: Schemas["OrganizationKind"],
): Promise<{ id: string; client: SupportNetworkClient }> {
  const created = await unwrap(
    operator.POST("/v1/organizations", { body: { name: `Org ${randomUUID().slice(0, 8)}`, kind } }),
  );
  const token = created.first_key.token;
  assert.ok(token, "a new organization's first key comes with its token");
  return {
    id: created.organization.id,
    client: createSupportNetworkClient({ baseUrl: baseUrl ?? "", token }),
  };
}

function consentTo(
  recipientId: string,
  terms: Partial<Schemas["ConsentCreate"]> = {},
): Schemas["ConsentCreate"] {
  return {
    recipient_organization_id: recipientId,
    scopes: ["profile"],
    purpose: "Coordinate peer support after discharge",
    purpose_code: "treatment",
    information: "Contact details and progress in recovery",
    patient_name: "Samuel Rivera",
    recorded_by: "Intake nurse",
    expires_on: "2030-01-01",
    signature: {
      method: "electronic",
      signed_at: "2026-11-01T10:00:00Z",
      signed_by: "Samuel Rivera",
      authority: "patient",
    },
    form: {
      version: "SN-consent-2026-02",
      statements: ["right_to_revoke", "conditioning", "redisclosure", "hipaa_redisclosure"],
    },
    ...terms,
  };
}

async function rejects<E extends Error>(
  call: Promise<unknown>,
  kind: new (...args: never[]) => E,
): Promise<E> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof kind, `expected ${kind.name}, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${kind.name}`);
}

describe("the first day", { skip: baseUrl === undefined ? "no SN_BASE_URL" : false }, () => {
  test("through the TypeScript SDK, with no raw HTTP", async () => {
    const operator = createSupportNetworkClient({
      baseUrl: baseUrl ?? "",
      token: operatorToken ?? "",
    });
    // 1-2. Two organizations: a community app (us) and a clinic.
    const app = await newOrganization(operator, "community_app");
    const clinic = await newOrganization(operator, "clinic");

    // 3-4. A member under our own idempotency key; the retry answers the same member.
    const key = randomUUID();
    const body = { display_name: "Sam", timezone: "Europe/London" };
    const create = () =>
      app.client.POST("/v1/members", { body, params: { header: { "Idempotency-Key": key } } });
    const first = await versioned(create());
    const again = await versioned(create());
    assert.deepEqual([first.replayed, again.replayed], [false, true]);
    assert.equal(again.value.id, first.value.id);
    const reused = await rejects(
      unwrap(
        app.client.POST("/v1/members", {
          body: { display_name: "Other", timezone: "UTC" },
          params: { header: { "Idempotency-Key": key } },
        }),
      ),
      ApiError,
    );
    assert.equal(reused.status, 422);
    assert.match(reused.type, /^\/docs\/problems\//);
    const memberId = first.value.id;

    // 5-6. Four more, each under a key the SDK makes; then the whole list, two to a page.
    for (const name of ["Ana", "Bo", "Cy", "Di"]) {
      await unwrap(app.client.POST("/v1/members", { body: { display_name: name, timezone: "UTC" } }));
    }
    const everyone = await all((cursor) =>
      app.client.GET("/v1/members", { params: { query: { limit: 2, cursor } } }),
    );
    assert.deepEqual(everyone.map((m) => m.display_name).sort(), ["Ana", "Bo", "Cy", "Di", "Sam"]);

    // 7-9. Read with its ETag, change under If-Match; the old ETag is then stale (412).
    const member = { params: { path: { member_id: memberId } } };
    const read = await versioned(app.client.GET("/v1/members/{member_id}", member));
    const renamed = await versioned(
      app.client.PATCH("/v1/members/{member_id}", {
        params: { path: { member_id: memberId }, header: { "If-Match": read.etag } },
        body: { display_name: "Samuel" },
      }),
    );
    assert.equal(renamed.value.display_name, "Samuel");
    const stale = await rejects(
      unwrap(
        app.client.PATCH("/v1/members/{member_id}", {
          params: { path: { member_id: memberId }, header: { "If-Match": read.etag } },
          body: { display_name: "S." },
        }),
      ),
      ApiError,
    );
    assert.equal(stale.status, 412);
    assert.equal(stale.currentVersion, renamed.value.version);

    // 10. The SDK's conditional update reads, changes and retries on its own.
    const sam = await updateWithETag(
      () => app.client.GET("/v1/members/{member_id}", member),
      (current, etag) =>
        app.client.PATCH("/v1/members/{member_id}", {
          params: { path: { member_id: memberId }, header: { "If-Match": etag } },
          body: { display_name: `${current.display_name ?? ""} R.` },
        }),
    );
    assert.equal(sam.value.display_name, "Samuel R.");

    // 11-13. A circle around Sam; the clinic is invited and accepts.
    const circle = await unwrap(
      app.client.POST("/v1/networks", {
        body: { kind: "circle", name: "Sam's circle", focus_member_id: memberId },
      }),
    );
    const network = { params: { path: { network_id: circle.id } } };
    await unwrap(
      app.client.POST("/v1/networks/{network_id}/organizations", {
        ...network,
        body: { organization_id: clinic.id },
      }),
    );
    await unwrap(clinic.client.POST("/v1/networks/{network_id}/invitation/accept", network));

    // 14-15. Without a consent the clinic does not see Sam; with one, it does.
    const notYet = await rejects(unwrap(clinic.client.GET("/v1/members/{member_id}", member)), ApiError);
    assert.equal(notYet.status, 404);
    const consent = await unwrap(
      app.client.POST("/v1/members/{member_id}/consents", { ...member, body: consentTo(clinic.id) }),
    );
    const foreign = await unwrap(clinic.client.GET("/v1/members/{member_id}", member));
    assert.equal(foreign.display_name, "Samuel R.");

    // 16. That read is in Sam's accounting of disclosures.
    const disclosures = await all((cursor) =>
      app.client.GET("/v1/members/{member_id}/disclosures", {
        params: { path: { member_id: memberId }, query: { cursor } },
      }),
    );
    assert.deepEqual(
      disclosures.map((d) => d.recipient_organization_id),
      [clinic.id],
    );

    // 17-18. Revoked: the clinic's next read finds nothing.
    await unwrap(
      app.client.POST("/v1/consents/{consent_id}/revoke", {
        params: { path: { consent_id: consent.id } },
        body: { reason: "Asked by Sam" },
      }),
    );
    const revoked = await rejects(unwrap(clinic.client.GET("/v1/members/{member_id}", member)), ApiError);
    assert.equal(revoked.status, 404);

    // 19. The clinic refers a person to us; we accept, start and complete it under If-Match.
    const referral = await unwrap(
      clinic.client.POST("/v1/referrals", {
        body: {
          receiver_organization_id: app.id,
          reason: "Peer support after discharge",
          member: { display_name: "R.", timezone: "America/New_York" },
          consent: consentTo(app.id, {
            scopes: ["profile", "networks"],
            expires_on: null,
            end_event: "referral_closed",
          }),
        },
      }),
    );
    const path = { path: { referral_id: referral.id } };
    for (const status of ["accepted", "in_progress", "completed"] as const) {
      const moved = await updateWithETag(
        () => app.client.GET("/v1/referrals/{referral_id}", { params: path }),
        (_current, etag) =>
          app.client.POST("/v1/referrals/{referral_id}/transitions", {
            params: { ...path, header: { "If-Match": etag } },
            body: { status },
          }),
      );
      assert.equal(moved.value.status, status);
    }

    // 20. The events feed, typed: narrowing on `type` gives each event its own payload.
    const ours = async (): Promise<Event[]> =>
      all((cursor) =>
        app.client.GET("/v1/events", {
          params: { query: { cursor, types: ["member.created", "referral.status_changed"] } },
        }),
      );
    let events = await ours();
    for (let attempt = 0; events.length < 8 && attempt < 50; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      events = await ours();
    }
    const created: string[] = [];
    const moves: string[] = [];
    for (const event of events) {
      if (event.type === "member.created") {
        created.push(event.data.member_id);
      } else if (event.type === "referral.status_changed") {
        moves.push(event.data.status);
      }
    }
    assert.ok(created.includes(memberId));
    assert.deepEqual(moves, ["accepted", "in_progress", "completed"]);

    // And paging by hand, for a reader who wants to stop early.
    let seen = 0;
    for await (const _member of paginate((cursor) =>
      app.client.GET("/v1/members", { params: { query: { limit: 1, cursor } } }),
    )) {
      if (++seen === 2) break;
    }
    assert.equal(seen, 2);
  });
});

describe("the webhook check", () => {
  const body =
    '{"id":"01937a4e-5b6c-7d8e-9f00-000000000001","type":"member.updated",' +
    '"data":{"member_id":"01937a4e-5b6c-7d8e-9f00-112233445566"}}';
  const headers = {
    "webhook-id": "01937a4e-5b6c-7d8e-9f00-000000000001",
    "webhook-timestamp": "1764403200",
    "webhook-signature":
      "v1,JLstBBm5MIrCtSMTjfJPIOad5vqPYLWY02aEg0zC32w= v1,ANiRvD5PcjYaxtehIDjtGzF8ANzbeW2tF57S97V9944=",
  };
  const signedAt = new Date(1764403200 * 1000);

  test("takes the guide's test vectors, for both secrets of a rotation", () => {
    for (const secret of ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"]) {
      const event = verifyWebhook(secret, body, headers, signedAt);
      assert.equal(event.type, "member.updated");
    }
  });

  test("refuses a changed body and an old timestamp", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    assert.throws(() => verifyWebhook(secret, `${body} `, headers, signedAt), WebhookVerificationError);
    const later = new Date(signedAt.getTime() + 6 * 60 * 1000);
    assert.throws(() => verifyWebhook(secret, body, headers, later), /timestamp/);
  });
});

describe("the helpers", () => {
  const page = { data: [1, 2], next_cursor: "AZN6TltsfY6fAAAAAAAAAQ" };
  const answer = (body: unknown): Promise<Answer<{ data: number[]; next_cursor: string }>> =>
    Promise.resolve({ data: body as { data: number[]; next_cursor: string }, response: new Response("{}") });

  test("paginate stops a fetch that ignores the cursor instead of looping", async () => {
    await assert.rejects(all(() => answer(page)), /same cursor/);
  });

  test("errors carry the problem, and Retry-After only when it is seconds", () => {
    const problem = { type: "/docs/problems/rate-limited", title: "Too many", status: 429, detail: "Slow down" };
    const inSeconds = new ApiError(new Response(null, { status: 429, headers: { "Retry-After": "7" } }), problem);
    const asDate = new ApiError(
      new Response(null, { status: 429, headers: { "Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT" } }),
      problem,
    );
    assert.deepEqual([inSeconds.status, inSeconds.type, inSeconds.retryAfter], [429, problem.type, 7]);
    assert.equal(asDate.retryAfter, null);
  });
});
