package main

import (
	"errors"
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/nodejs/npm"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// InstallDependencies installs a program's or a plugin's dependencies as Pulumi's host does, with
// the Go SDK's own `nodejs/npm` package: the package manager the `packagemanager` option names, or
// the one its lockfile implies (npm by default), run in the npm/yarn workspace root when there is
// one, `--production` when the `production` option says so. The engine calls it before it runs a
// source-based plugin (`pulumi package add <folder>`, a plugin in Pulumi.yaml's `packages:`).
// Not implemented: installing a Node.js version from .nvmrc with fnm (UseLanguageVersionTools).
func (h *host) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()

	opts, err := parseOptions(req.GetInfo().GetOptions().AsMap())
	if err != nil {
		return fmt.Errorf("failed to parse options: %w", err)
	}
	fmt.Fprint(stdout, "Installing dependencies...\n\n")
	root := req.GetInfo().GetProgramDirectory()
	workspace, err := npm.FindWorkspaceRoot(root)
	switch {
	case err == nil:
		fmt.Fprintf(stdout, "Detected workspace root at %s\n", workspace)
		root = workspace
	case !errors.Is(err, npm.ErrNotInWorkspace):
		return fmt.Errorf("failure while trying to find workspace root: %w", err)
	}
	ctx, stop := h.withCancel(server.Context())
	defer stop()
	manager := npm.PackageManagerType(opts.packageManager)
	if _, err := npm.Install(ctx, manager, root, opts.production, stdout, stderr); err != nil {
		return err
	}
	fmt.Fprint(stdout, "Finished installing dependencies\n\n")
	return closer.Close()
}
