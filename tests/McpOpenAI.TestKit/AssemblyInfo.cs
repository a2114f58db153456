// The shared test kit: a fake OpenAI server on 127.0.0.1, scripted chat clients and MCP client helpers.
[assembly: System.CLSCompliant(false)]
