package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// runtimeOptions are the `runtime.options` of Pulumi.yaml / PulumiPolicy.yaml that change how a
// Node.js program starts.
type runtimeOptions struct {
	typescript   bool
	tsconfigPath string
	nodeArgs     []string
}

func readRuntimeOptions(info *pulumirpc.ProgramInfo) runtimeOptions {
	opts := runtimeOptions{typescript: true}
	if info == nil || info.GetOptions() == nil {
		return opts
	}
	values := info.GetOptions().AsMap()
	if v, ok := values["typescript"].(bool); ok {
		opts.typescript = v
	}
	if v, ok := values["tsconfig"].(string); ok && v != "" {
		opts.tsconfigPath = v
	}
	if v, ok := values["nodeargs"].(string); ok && v != "" {
		opts.nodeArgs = strings.Fields(v)
	}
	return opts
}

// environment returns what the Node SDK reads from the environment as well as its flags.
func (o runtimeOptions) environment() []string {
	env := []string{fmt.Sprintf("PULUMI_NODEJS_TYPESCRIPT=%t", o.typescript)}
	if o.tsconfigPath != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+o.tsconfigPath)
	}
	return env
}

// configEnvironment passes the stack's config the way `@pulumi/pulumi/runtime/config` reads it:
// PULUMI_CONFIG as a JSON object and PULUMI_CONFIG_SECRET_KEYS as a JSON array.
func configEnvironment(config map[string]string, secretKeys []string) ([]string, error) {
	if config == nil {
		config = map[string]string{}
	}
	if secretKeys == nil {
		secretKeys = []string{}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, err
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	return []string{"PULUMI_CONFIG=" + string(configJSON), "PULUMI_CONFIG_SECRET_KEYS=" + string(secretKeysJSON)}, nil
}

// programPath is what `cmd/run` is told to load: the entry point inside the program directory, or
// the directory itself (Node then follows its package.json `main`, or loads index.ts / index.js).
func programPath(info *pulumirpc.ProgramInfo, pwd string) string {
	dir := pwd
	if info != nil && info.GetProgramDirectory() != "" {
		dir = info.GetProgramDirectory()
	}
	entry := "."
	if info != nil && info.GetEntryPoint() != "" {
		entry = info.GetEntryPoint()
	}
	return filepath.Join(dir, entry)
}

func withEnvironment(extra ...[]string) []string {
	env := os.Environ()
	for _, e := range extra {
		env = append(env, e...)
	}
	return env
}
