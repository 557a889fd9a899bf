package main

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/google/shlex"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
)

// nodeOptions are the `runtime.options` of Pulumi.yaml or PulumiPolicy.yaml. Parsed as Pulumi's
// host parses them (parseOptions in sdk/nodejs/cmd/pulumi-language-nodejs/main.go): each key is
// optional, a value of the wrong type is an error that names the option, with the same words.
type nodeOptions struct {
	typescript   bool   // PULUMI_NODEJS_TYPESCRIPT: cmd/run loads ts-node
	tsconfigPath string // PULUMI_NODEJS_TSCONFIG_PATH
	nodeArgs     string // extra arguments for node, split with shell quoting
	// packagemanager and production only steer InstallDependencies, which this host does not
	// implement; they are still checked so that a bad value fails here as it fails with Pulumi's.
	packageManager string
	production     bool
}

var packageManagers = map[string]bool{"auto": true, "npm": true, "yarn": true, "pnpm": true, "bun": true}

func parseOptions(options map[string]any) (nodeOptions, error) {
	opts := nodeOptions{typescript: true, packageManager: "auto"}
	for _, err := range []error{
		option(options, "typescript", "typescript option must be a boolean", &opts.typescript),
		// Pulumi's host says "tsconfigpath" here; kept word for word.
		option(options, "tsconfig", "tsconfigpath option must be a string", &opts.tsconfigPath),
		option(options, "nodeargs", "nodeargs option must be a string", &opts.nodeArgs),
		option(options, "production", "production option must be a boolean", &opts.production),
		option(options, "packagemanager", "packagemanager option must be a string", &opts.packageManager),
	} {
		if err != nil {
			return opts, err
		}
	}
	if !packageManagers[opts.packageManager] {
		return opts, fmt.Errorf(
			"packagemanager option must be one of auto, npm, yarn, pnpm or bun, got %q", opts.packageManager)
	}
	return opts, nil
}

// option sets *into to options[key] when the key is present: a value of another type is the error
// `message`, as Pulumi's host words it.
func option[T any](options map[string]any, key, message string, into *T) error {
	value, present := options[key]
	if !present {
		return nil
	}
	typed, ok := value.(T)
	if !ok {
		return errors.New(message)
	}
	*into = typed
	return nil
}

// splitNodeArgs splits `nodeargs` as a shell would (quotes keep spaces), as Pulumi's host does.
func (o nodeOptions) splitNodeArgs() ([]string, error) {
	args, err := shlex.Split(o.nodeArgs)
	if err != nil {
		return nil, fmt.Errorf("nodeargs option %q: %w", o.nodeArgs, err)
	}
	return args, nil
}

// environment is what the Node SDK reads besides its flags. Like Pulumi's host, it sets
// PULUMI_NODEJS_TYPESCRIPT only when TypeScript is on: an inherited value is left alone otherwise.
func (o nodeOptions) environment() []string {
	var env []string
	if o.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if o.tsconfigPath != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+o.tsconfigPath)
	}
	return env
}

// configEnvironment passes the stack's config as `@pulumi/pulumi/runtime/config` reads it:
// PULUMI_CONFIG as a JSON object whose keys are written `<namespace>:config:<name>` (the form
// older SDKs need; current ones read both), and PULUMI_CONFIG_SECRET_KEYS as a JSON array.
func configEnvironment(values map[string]string, secretKeys []string) ([]string, error) {
	legacy := make(map[string]string, len(values))
	for k, v := range values {
		key, err := config.ParseKey(k)
		if err != nil {
			return nil, fmt.Errorf("failed to serialize configuration: %w", err)
		}
		legacy[key.Namespace()+":config:"+key.Name()] = v
	}
	if secretKeys == nil {
		secretKeys = []string{}
	}
	configJSON, err := json.Marshal(legacy)
	if err != nil {
		return nil, fmt.Errorf("failed to serialize configuration: %w", err)
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, fmt.Errorf("failed to serialize configuration secret keys: %w", err)
	}
	return []string{"PULUMI_CONFIG=" + string(configJSON), "PULUMI_CONFIG_SECRET_KEYS=" + string(secretKeysJSON)}, nil
}
