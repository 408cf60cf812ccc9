using FuncCloud.Testing;

namespace FuncCloud.Functions.Tests.Identity;

/// <summary>The identity host the CLI tests share.</summary>
public sealed class IdentityCliFixture : IdentityHostFixture;
