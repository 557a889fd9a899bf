import { formatProblems, unknownKeyProblems } from "../../provider/core/problems";

const KNOWN = ["statuses", "organizationIds", "baseUrl", "apiToken"] as const;

describe("unknownKeyProblems", () => {
  test("names each unknown key, the nearest known one, and all known ones", () => {
    expect(formatProblems(unknownKeyProblems({ status: [], organizationId: "x" }, KNOWN, "argument"))).toBe(
      "status: unknown argument (did you mean statuses?); the arguments are statuses, organizationIds, " +
        "baseUrl, apiToken; organizationId: unknown argument (did you mean organizationIds?); the " +
        "arguments are statuses, organizationIds, baseUrl, apiToken",
    );
  });

  test("suggests across case and small typos, and nothing for a key far from every known one", () => {
    const suggestion = (key: string) =>
      /did you mean (\w+)\?/.exec(unknownKeyProblems({ [key]: 1 }, KNOWN, "option")[0]?.reason ?? "")?.[1];
    expect(suggestion("apitoken")).toBe("apiToken");
    expect(suggestion("baseURL")).toBe("baseUrl");
    expect(suggestion("basUrl")).toBe("baseUrl");
    expect(suggestion("region")).toBeUndefined();
    expect(suggestion("a")).toBeUndefined();
  });

  test("known and ignored keys pass; a huge key is cut in the message", () => {
    expect(
      unknownKeyProblems({ statuses: [], __provider: "…" }, KNOWN, "argument", { ignored: ["__provider"] }),
    ).toEqual([]);
    const [problem] = unknownKeyProblems({ ["k".repeat(500)]: 1 }, KNOWN, "option");
    expect(problem?.property).toBe(`${"k".repeat(60)}…`);
  });

  test("another word for a known key names that key, even where it is far from every known one", () => {
    const meant = new Map([["accountIds", "organizationIds"]]);
    const [problem] = unknownKeyProblems({ accountIds: [] }, KNOWN, "argument", { meant });
    expect(problem?.reason).toMatch(/^unknown argument \(did you mean organizationIds\?\)/);
    // Only an own entry counts: a key named like an object's inherited member gets no suggestion.
    expect(unknownKeyProblems({ constructor: 1 }, KNOWN, "argument", { meant })[0]?.reason).not.toMatch(
      /did you mean/,
    );
  });
});
