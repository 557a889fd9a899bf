package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// exitAfterReportedError is the exit code `@pulumi/pulumi/cmd/run` uses when it has already shown
// the user the error: the engine should stop without printing a second, generic one.
const exitAfterReportedError = 32

// Run starts the program as Pulumi's host does: `node [nodeargs] <@pulumi/pulumi/cmd/run> --monitor
// ... --pwd <program directory> <entry point>`, where the entry point is passed exactly as the
// engine gives it ("." when Pulumi.yaml's `main` is a folder or absent). cmd/run then resolves "."
// itself through the nearest package.json (`exports["."]`, else `main`), which is what decides the
// file a user's `pulumi up` runs.
func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	opts, err := parseOptions(req.GetInfo().GetOptions().AsMap())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	nodeArgs, err := opts.splitNodeArgs()
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not find node on the $PATH: %v", err)}, nil
	}
	runPath, err := locateModule(ctx, nodeBin, "@pulumi/pulumi/cmd/run",
		req.GetInfo().GetProgramDirectory(), "pulumi install")
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	configEnv, err := configEnvironment(req.GetConfig(), req.GetConfigSecretKeys())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	cmdCtx, stop := h.withCancel(ctx)
	defer stop()
	cmd := nodeCommand(cmdCtx, nodeBin, append(nodeArgs, runArguments(req, runPath, h.engineAddress)...))
	// No cmd.Dir, as in Pulumi's host: cmd/run changes to --pwd itself.
	cmd.Env = append(append(os.Environ(), configEnv...), opts.environment()...)
	// Node may switch its stdio to non-blocking mode; a wrapper keeps os.Stdout out of its reach.
	cmd.Stdout = struct{ io.Writer }{os.Stdout}
	cmd.Stderr = struct{ io.Writer }{os.Stderr}

	err = cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}, nil
	case errors.As(err, &exitErr) && exitErr.ExitCode() == exitAfterReportedError:
		return &pulumirpc.RunResponse{Bail: true}, nil
	case errors.As(err, &exitErr) && exitErr.ExitCode() == 0:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited unexpectedly: %v", exitErr)}, nil
	case errors.As(err, &exitErr):
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode()),
		}, nil
	default:
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Problem executing program (could not run language executor): %v", err),
		}, nil
	}
}

// runArguments are cmd/run's arguments, in the order and with the omissions of Pulumi's host
// (constructArguments): empty values are left out, the entry point comes last but for the
// program's own arguments.
func runArguments(req *pulumirpc.RunRequest, runPath, engineAddress string) []string {
	args := []string{runPath}
	flag := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	flag("monitor", req.GetMonitorAddress())
	flag("engine", engineAddress)
	flag("organization", req.GetOrganization())
	flag("project", req.GetProject())
	flag("root-directory", req.GetInfo().GetRootDirectory())
	flag("stack", req.GetStack())
	flag("pwd", req.GetInfo().GetProgramDirectory())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	flag("parallel", strconv.Itoa(int(req.GetParallel())))
	args = append(args, req.GetInfo().GetEntryPoint())
	return append(args, req.GetArgs()...)
}
