using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Placement;
using Shouldly;
using Xunit;

namespace FuncCloud.Shared.Tests.Compute.Placement;

public sealed class NodeInventoryTests
{
    [Fact]
    public void InventoryOf_NovaDefaults_AppliesRatiosAfterReservations()
    {
        var inventory = new PlacementOptions().InventoryOf(new HostResources(8, 0, 16896, 0, 100, 0));

        inventory.ShouldBe(new NodeInventory(128, 24576, 100));
    }

    [Fact]
    public void Shortfall_RamShort_NamesMemoryFirst()
    {
        var inventory = new NodeInventory(4, 1024, 10);

        inventory.Shortfall(new ResourceAmounts(0, 768, 0), new ResourceAmounts(8, 512, 1)).ShouldBe(HostResources.MemoryMb);
        inventory.Shortfall(new ResourceAmounts(0, 0, 0), new ResourceAmounts(4, 1024, 10)).ShouldBeNull();
    }
}
