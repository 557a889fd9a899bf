// Command pulumi-language-nodejs is the Node.js language host that the engine tests put beside
// the Pulumi CLI built from pkg/v3. README.md beside go.mod says why it exists, what it follows of
// Pulumi's own host (sdk/nodejs/cmd/pulumi-language-nodejs/main.go in pulumi/pulumi) and what it
// leaves out.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

func main() {
	// The flags the engine may pass, as Pulumi's host declares them. Tracing is accepted and not
	// implemented; only the "nodejs" runtime is (Pulumi's also has "bun").
	flag.String("tracing", "", "Emit tracing to a Zipkin-compatible tracing endpoint (accepted, not implemented)")
	runtimeName := flag.String("runtime", "nodejs", "The runtime for programs: only `nodejs` here")
	showVersion := flag.Bool("version", false, "Print the current plugin version and exit")
	// The flags through which SDKs before 3.2xx passed runtime options when they started a language
	// host to run a plugin (`-typescript=false -root=<dir>`); pulumi-yaml 1.25.0 still embeds such an
	// SDK. Pulumi's current host no longer declares them (its CLI ships a newer YAML host). They are
	// accepted and ignored here: the same options arrive in every request's ProgramInfo.
	for _, legacy := range []string{"typescript", "tsconfig", "nodeargs", "packagemanager", "production", "root"} {
		flag.String(legacy, "", "accepted for older SDKs and ignored: options come with each request")
	}
	flag.Parse()
	if *showVersion {
		fmt.Println(sdkVersion)
		return
	}
	if *runtimeName != "nodejs" {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: unsupported runtime: %s\n", *runtimeName)
		os.Exit(1)
	}
	engineAddress := flag.Arg(0)

	// ^C, or the engine going away, stops the server; the programs it started are then
	// interrupted through their request contexts.
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	stopServing := make(chan bool)
	go func() {
		<-ctx.Done()
		cancel()
		close(stopServing)
	}()
	if engineAddress != "" {
		if err := rpcutil.Healthcheck(ctx, engineAddress, 5*time.Minute, cancel); err != nil {
			fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: could not start health check: %v\n", err)
			os.Exit(1)
		}
	}

	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: stopServing,
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
