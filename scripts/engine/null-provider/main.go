// Command terraform-provider-null is a stand-in for hashicorp/terraform-provider-null
// 3.2.4, written for this repository's end-to-end tests. It serves the one
// resource the library uses, null_resource (attributes `id` and `triggers`),
// with the same behaviour: create stores the triggers and a random id, any
// trigger change forces replacement, and read, update and delete change nothing.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
)

func main() {
	debug := flag.Bool("debug", false, "run with support for debuggers such as delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), newNullProvider, providerserver.ServeOpts{
		Address: "registry.opentofu.org/hashicorp/null",
		Debug:   *debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
