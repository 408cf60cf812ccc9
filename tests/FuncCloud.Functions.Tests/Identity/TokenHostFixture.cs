using FuncCloud.Testing;

namespace FuncCloud.Functions.Tests.Identity;

/// <summary>An identity host of its own for token and API tests.</summary>
public sealed class TokenHostFixture : IdentityHostFixture;
