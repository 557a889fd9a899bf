package main

import (
	"reflect"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// With `main` a folder (or absent) the engine sends "."; it reaches cmd/run as ".", with --pwd the
// program's folder, so that cmd/run applies package.json's `exports`/`main` as with Pulumi's host.
func TestRunArgumentsPassTheEntryPointAsGiven(t *testing.T) {
	req := &pulumirpc.RunRequest{
		MonitorAddress: "127.0.0.1:1", Project: "p", Stack: "dev", Parallel: 4, DryRun: true,
		Info: &pulumirpc.ProgramInfo{RootDirectory: "/repo", ProgramDirectory: "/repo/examples/stack", EntryPoint: "."},
		Args: []string{"extra"},
	}
	got := runArguments(req, "/m/run/index.js", "127.0.0.1:2")
	want := []string{
		"/m/run/index.js", "--monitor", "127.0.0.1:1", "--engine", "127.0.0.1:2", "--project", "p",
		"--root-directory", "/repo", "--stack", "dev", "--pwd", "/repo/examples/stack", "--dry-run",
		"--parallel", "4", ".", "extra",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

func TestRunArgumentsLeaveOutEmptyValues(t *testing.T) {
	req := &pulumirpc.RunRequest{
		Organization: "acme", Info: &pulumirpc.ProgramInfo{ProgramDirectory: "/p", EntryPoint: "index.ts"},
	}
	got := runArguments(req, "run.js", "")
	want := []string{"run.js", "--organization", "acme", "--pwd", "/p", "--parallel", "0", "index.ts"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

func TestPolicyPackEnvironment(t *testing.T) {
	env, err := policyPackEnvironment(&pulumirpc.AnalyzerStackConfigureRequest{
		Organization: "organization", Project: "proj", Stack: "dev", DryRun: true,
		Config: map[string]string{"proj:limit": "3"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"PULUMI_NODEJS_ORGANIZATION=organization", "PULUMI_NODEJS_PROJECT=proj", "PULUMI_NODEJS_STACK=dev",
		"PULUMI_NODEJS_DRY_RUN=true", `PULUMI_CONFIG={"proj:limit":"3"}`,
	}
	if !reflect.DeepEqual(env, want) {
		t.Fatalf("got  %q\nwant %q", env, want)
	}
	if env, _ := policyPackEnvironment(nil); env != nil {
		t.Fatalf("no configuration: got %q", env)
	}
}
