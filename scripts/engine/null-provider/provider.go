package main

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// nullProvider has no configuration and serves null_resource only.
type nullProvider struct{}

func newNullProvider() provider.Provider {
	return &nullProvider{}
}

func (p *nullProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "null"
	resp.Version = "3.2.4"
}

func (p *nullProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{}
}

func (p *nullProvider) Configure(_ context.Context, _ provider.ConfigureRequest, _ *provider.ConfigureResponse) {
}

func (p *nullProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{newNullResource}
}

func (p *nullProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return nil
}
