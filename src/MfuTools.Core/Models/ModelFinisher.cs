using System.Linq;
using MfuTools.Core.Modules;

namespace MfuTools.Core.Models
{
    /// <summary>
    /// Completes a model description once its dimensions are set: builds its module list
    /// once, and derives the parameter counts from it.
    /// </summary>
    internal static class ModelFinisher
    {
        public static ModelConfig Finish(ModelConfig model)
        {
            model.Modules = ModuleTree.Build(model);
            model.Parameters = model.Modules.Sum(m => m.Parameters);
            model.ActiveParameters = model.Modules.Sum(m => m.ActiveParameters);
            return model;
        }
    }
}
