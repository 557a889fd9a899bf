package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// gracePeriod is how long a cancelled program has, after SIGINT, before it is killed. Pulumi's
// host gives the same 5 s (exec.Cmd.WaitDelay), so a program's own SIGINT handling runs alike.
const gracePeriod = 5 * time.Second

// locateModule resolves `module` (e.g. "@pulumi/pulumi/cmd/run") with Node's own resolution from
// `dir`, as Pulumi's host does: the program runs the @pulumi/pulumi it installed (node_modules
// here or above, NODE_PATH, symlinks), never another copy.
func locateModule(ctx context.Context, nodeBin, module, dir, installHint string) (string, error) {
	script := fmt.Sprintf(`try { console.log(require.resolve(%q)); } catch (error) { `+
		`if (error.code === "MODULE_NOT_FOUND") { console.error("It looks like the Pulumi SDK has not been installed. Have you run %s?"); } `+
		`else { console.error(error.message); } process.exit(1); }`, module, installHint)
	cmd := exec.CommandContext(ctx, nodeBin, "-e", script)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return "", errors.New(strings.TrimSpace(string(exitErr.Stderr)))
		}
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// nodeCommand is `node args...`, stopped as Pulumi's host stops a program when ctx ends (the
// Cancel call, the engine's request ending, or this host's own SIGINT): SIGINT first, so that
// the SDK can finish its outstanding RPCs, and a kill after the grace period.
func nodeCommand(ctx context.Context, nodeBin string, args []string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, nodeBin, args...)
	cmd.Cancel = func() error {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	cmd.WaitDelay = gracePeriod
	return cmd
}
