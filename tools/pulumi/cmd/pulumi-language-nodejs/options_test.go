package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestParseOptionsDefaults(t *testing.T) {
	opts, err := parseOptions(map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	if !opts.typescript || opts.tsconfigPath != "" || opts.nodeArgs != "" || opts.packageManager != "auto" {
		t.Fatalf("defaults: got %+v", opts)
	}
	if got := opts.environment(); !reflect.DeepEqual(got, []string{"PULUMI_NODEJS_TYPESCRIPT=true"}) {
		t.Fatalf("environment: got %q", got)
	}
}

func TestParseOptionsValues(t *testing.T) {
	opts, err := parseOptions(map[string]any{
		"typescript": false, "tsconfig": "tsconfig.prod.json", "nodeargs": "--max-old-space-size=4096",
		"packagemanager": "pnpm", "production": true,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"PULUMI_NODEJS_TSCONFIG_PATH=tsconfig.prod.json"}
	if got := opts.environment(); !reflect.DeepEqual(got, want) {
		t.Fatalf("environment: got %q, want %q (no PULUMI_NODEJS_TYPESCRIPT when typescript is false)", got, want)
	}
	if opts.packageManager != "pnpm" || !opts.production {
		t.Fatalf("got %+v", opts)
	}
}

// Each wrong type is refused with the message Pulumi's host gives, which names the option.
func TestParseOptionsWrongTypes(t *testing.T) {
	cases := map[string]struct {
		options map[string]any
		message string
	}{
		"typescript as a string": {map[string]any{"typescript": "yes"}, "typescript option must be a boolean"},
		"tsconfig as a number":   {map[string]any{"tsconfig": 1.0}, "tsconfigpath option must be a string"},
		"nodeargs as a list":     {map[string]any{"nodeargs": []any{"--inspect"}}, "nodeargs option must be a string"},
		"production as a string": {map[string]any{"production": "true"}, "production option must be a boolean"},
		"packagemanager unknown": {
			map[string]any{"packagemanager": "cargo"},
			`packagemanager option must be one of auto, npm, yarn, pnpm or bun, got "cargo"`,
		},
		"packagemanager as a bool": {map[string]any{"packagemanager": true}, "packagemanager option must be a string"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := parseOptions(c.options)
			if err == nil || err.Error() != c.message {
				t.Fatalf("got %v, want %q", err, c.message)
			}
		})
	}
}

func TestSplitNodeArgsWithShellQuoting(t *testing.T) {
	opts := nodeOptions{nodeArgs: `--max-old-space-size=4096 --require "./my hooks.js" --title='a b'`}
	got, err := opts.splitNodeArgs()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"--max-old-space-size=4096", "--require", "./my hooks.js", "--title=a b"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if _, err := (nodeOptions{nodeArgs: `--require "unterminated`}).splitNodeArgs(); err == nil ||
		!strings.Contains(err.Error(), "nodeargs") {
		t.Fatalf("an unterminated quote: got %v, want an error naming nodeargs", err)
	}
}

// The stack's config reaches the program in the `<namespace>:config:<name>` form Pulumi's host
// writes, with the secret keys as given.
func TestConfigEnvironment(t *testing.T) {
	env, err := configEnvironment(
		map[string]string{"cloudflare:apiToken": "FAKE", "proj:expiringWithinDays": "14"},
		[]string{"cloudflare:apiToken"},
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(env) != 2 || !strings.HasPrefix(env[0], "PULUMI_CONFIG=") {
		t.Fatalf("got %q", env)
	}
	var config map[string]string
	if err := json.Unmarshal([]byte(strings.TrimPrefix(env[0], "PULUMI_CONFIG=")), &config); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"cloudflare:config:apiToken": "FAKE", "proj:config:expiringWithinDays": "14"}
	if !reflect.DeepEqual(config, want) {
		t.Fatalf("got %v, want %v", config, want)
	}
	if env[1] != `PULUMI_CONFIG_SECRET_KEYS=["cloudflare:apiToken"]` {
		t.Fatalf("got %q", env[1])
	}

	empty, err := configEnvironment(nil, nil)
	if err != nil || !reflect.DeepEqual(empty, []string{"PULUMI_CONFIG={}", "PULUMI_CONFIG_SECRET_KEYS=[]"}) {
		t.Fatalf("no config: got %q, %v", empty, err)
	}
	if _, err := configEnvironment(map[string]string{"no-namespace": "x"}, nil); err == nil {
		t.Fatal("a key without a namespace: want an error")
	}
}
