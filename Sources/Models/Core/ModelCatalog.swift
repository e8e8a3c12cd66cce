/// Every model family and model-level function the language knows. Add an entry here
/// (one line) and it gets a builtin, argument checking, completion, help and a
/// reference entry, with no change to the parser or evaluator.
public enum ModelCatalog {
    /// All model families, in the order help lists them.
    public static let families: [ModelFamily] = [
        Ridge.family,
        RandomFeatures.family,
        Ensemble.family,
        Onset.family,
        Flow.family,
        Optimizers.family,
        ICLModel.family,
        ICLScaleModel.family,
        JudgeModel.family,
        SGDFamily.family, SeesawFamily.family, AnytimeFamily.family,
        DeepLinear.family,
        DeepFeatures.family,
        Peaked.family,
        CorrelatedRidge.family,
        Subsample.family,
        Hopfield.family,
        MLPModel.family,
        Diffusion.family, DiffusionDAE.family,
        TD.family,
    ]

    /// All plain functions (schedule constructors, helpers), in the order help lists them.
    public static let functions: [ModelFunction] = [
        ScheduleFunctions.constant, ScheduleFunctions.cosine, ScheduleFunctions.linear, ScheduleFunctions.wsd,
        ScheduleFunctions.step, ScheduleFunctions.invsqrt, ScheduleFunctions.poly, ScheduleFunctions.ramp,
        RefineFunction.function,
        OptimumFunction.function,
    ]

    /// The family called `name`, or `nil`.
    public static func family(_ name: String) -> ModelFamily? { families.first { $0.name == name } }

    /// The function called `name`, or `nil`.
    public static func function(_ name: String) -> ModelFunction? { functions.first { $0.name == name } }
}
