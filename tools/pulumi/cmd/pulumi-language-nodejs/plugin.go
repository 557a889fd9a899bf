package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strconv"

	"github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// RunPlugin starts a plugin written in Node.js, as Pulumi's host does:
//   - a policy pack (kind "analyzer", `--policy-pack <dir>`): `@pulumi/pulumi/cmd/run-policy-pack`
//     with the engine's arguments and then the pack's folder, in the pack's folder. The stack's
//     organization, project, name, dry-run flag and config reach it as PULUMI_NODEJS_* and
//     PULUMI_CONFIG, learnt from the engine through the Go SDK's policy proxy;
//   - any other plugin (a provider written in TypeScript): `@pulumi/pulumi/cmd/run-plugin` with
//     the plugin's folder and then the engine's arguments, in the engine's working directory.
//
// As in Pulumi's host, `nodeargs` are placed after the entry script here (they reach the script,
// not node), and the environment is the one the engine sends, not this host's own.
func (h *host) RunPlugin(
	req *pulumirpc.RunPluginRequest, server grpc.ServerStreamingServer[pulumirpc.RunPluginResponse],
) error {
	ctx, stop := h.withCancel(server.Context())
	defer stop()

	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return err
	}
	opts, err := parseOptions(req.GetInfo().GetOptions().AsMap())
	if err != nil {
		return err
	}
	nodeArgs, err := opts.splitNodeArgs()
	if err != nil {
		return err
	}
	pluginDir := req.GetInfo().GetProgramDirectory()
	isPolicyPack := req.GetKind() == string(apitype.AnalyzerPlugin)
	entry := "@pulumi/pulumi/cmd/run-plugin"
	if isPolicyPack {
		entry = "@pulumi/pulumi/cmd/run-policy-pack"
	}
	runPath, err := locateModule(ctx, nodeBin, entry, pluginDir, "npm install in "+pluginDir)
	if err != nil {
		return err
	}

	args := append([]string{runPath}, nodeArgs...)
	if isPolicyPack {
		args = append(append(args, req.GetArgs()...), pluginDir)
	} else {
		args = append(append(args, pluginDir), req.GetArgs()...)
	}
	env := append(append([]string{}, req.GetEnv()...), opts.environment()...)

	var proxy *sdk.PolicyProxy
	if isPolicyPack {
		// The engine sends the stack's details to the analyzer it starts; the proxy receives them
		// first, so that the pack's process can be started with them in its environment.
		proxy, stdout, err = sdk.NewPolicyProxy(ctx, stdout)
		if err != nil {
			return fmt.Errorf("could not start policy pack proxy: %w", err)
		}
		stack, err := proxy.AwaitConfiguration(ctx)
		if err != nil {
			return fmt.Errorf("could not get stack configuration: %w", err)
		}
		stackEnv, err := policyPackEnvironment(stack)
		if err != nil {
			return err
		}
		env = append(env, stackEnv...)
	}

	cmd := nodeCommand(ctx, nodeBin, args)
	// Policy packs have always run in their own folder; other plugins in the engine's.
	if isPolicyPack {
		cmd.Dir = pluginDir
	} else {
		cmd.Dir = req.GetPwd()
	}
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = stdout, stderr

	if err := cmd.Start(); err != nil {
		return fmt.Errorf("Problem executing plugin program (could not run language executor): %w", err)
	}
	if proxy != nil {
		if err := proxy.Attach(ctx, cmd); err != nil {
			return fmt.Errorf("could not attach policy pack proxy: %w", err)
		}
		return closer.Close()
	}
	if err := cmd.Wait(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return fmt.Errorf("Program exited with non-zero exit code: %d", exitErr.ExitCode())
		}
		return fmt.Errorf("Problem executing plugin program (could not run language executor): %w", err)
	}
	return closer.Close()
}

// policyPackEnvironment is what `@pulumi/pulumi/cmd/run-policy-pack` reads about the stack under
// analysis: pulumi.getOrganization(), getProject(), getStack(), isDryRun() and the stack's config.
// Empty values are left out, as Pulumi's host leaves them out.
func policyPackEnvironment(stack *pulumirpc.AnalyzerStackConfigureRequest) ([]string, error) {
	if stack == nil {
		return nil, nil
	}
	var env []string
	add := func(name, value string) {
		if value != "" {
			env = append(env, name+"="+value)
		}
	}
	add("PULUMI_NODEJS_ORGANIZATION", stack.GetOrganization())
	add("PULUMI_NODEJS_PROJECT", stack.GetProject())
	add("PULUMI_NODEJS_STACK", stack.GetStack())
	add("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(stack.GetDryRun()))
	if stack.GetConfig() != nil {
		configJSON, err := json.Marshal(stack.GetConfig())
		if err != nil {
			return nil, fmt.Errorf("could not marshal stack configuration: %w", err)
		}
		add("PULUMI_CONFIG", string(configJSON))
	}
	return env, nil
}
