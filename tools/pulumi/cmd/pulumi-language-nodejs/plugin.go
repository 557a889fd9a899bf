package main

import (
	"errors"
	"fmt"
	"io"
	"os/exec"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// RunPlugin starts a plugin written in Node.js. The engine uses it for `--policy-pack <dir>`:
// `node <@pulumi/pulumi/cmd/run-policy-pack> <engine-address> <pack-dir>`, in the pack's folder,
// streaming its stdout (where the analyzer prints its port) and stderr back to the engine.
func (h *host) RunPlugin(
	req *pulumirpc.RunPluginRequest, server grpc.ServerStreamingServer[pulumirpc.RunPluginResponse],
) error {
	if req.GetKind() != "analyzer" {
		return status.Errorf(codes.Unimplemented,
			"this language host runs Node.js policy packs only, not %q plugins", req.GetKind())
	}
	packDir := req.GetInfo().GetProgramDirectory()
	runScript, err := findSDKEntry(packDir, "cmd/run-policy-pack")
	if err != nil {
		return status.Error(codes.FailedPrecondition, err.Error())
	}
	opts := readRuntimeOptions(req.GetInfo())

	args := append([]string{}, opts.nodeArgs...)
	args = append(args, runScript)
	args = append(args, req.GetArgs()...)
	args = append(args, packDir)

	cmd := exec.CommandContext(server.Context(), "node", args...)
	cmd.Dir = packDir
	cmd.Env = withEnvironment(req.GetEnv(), opts.environment())

	// gRPC streams are not safe for concurrent sends; stdout and stderr are copied concurrently.
	var sendMu sync.Mutex
	send := func(msg *pulumirpc.RunPluginResponse) error {
		sendMu.Lock()
		defer sendMu.Unlock()
		return server.Send(msg)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return status.Errorf(codes.FailedPrecondition, "could not start `node`: %v", err)
	}

	var copies sync.WaitGroup
	copies.Add(2)
	go forward(stdout, &copies, func(b []byte) error {
		return send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: b}})
	})
	go forward(stderr, &copies, func(b []byte) error {
		return send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: b}})
	})
	copies.Wait()

	code := int32(0)
	if err := cmd.Wait(); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			return fmt.Errorf("policy pack process: %w", err)
		}
		code = int32(exitErr.ExitCode())
	}
	return send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: code}})
}

func forward(r io.Reader, done *sync.WaitGroup, send func([]byte) error) {
	defer done.Done()
	buf := make([]byte, 32*1024)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			chunk := append([]byte(nil), buf[:n]...)
			if sendErr := send(chunk); sendErr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}
