// Command pulumi-language-nodejs is the Node.js language host that the engine tests put beside
// the Pulumi CLI built from pkg/v3.
//
// Pulumi's own host lives in the module github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3,
// which has no version tags: it can only be required as a pseudo-version, and the Go module proxy
// these machines reach serves tagged versions only. So this host is written against the same
// contract, with the SDK's own gRPC types and server helpers (sdk/v3 at the CLI's version), and
// does what the engine needs from a language host to run a TypeScript program and a policy pack:
// it starts `@pulumi/pulumi/cmd/run` and `@pulumi/pulumi/cmd/run-policy-pack` from the program's
// own node_modules, with the arguments and environment those entry points read.
package main

import (
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

func main() {
	// The engine passes its own address as the last argument (after any flags it may add).
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pulumi-language-nodejs [flags] <engine-address>")
		os.Exit(2)
	}
	engineAddress := os.Args[len(os.Args)-1]

	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, newHost(engineAddress))
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: could not start its gRPC server: %v\n", err)
		os.Exit(1)
	}

	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
}
