using MfuTools.Core.Counting;
using MfuTools.Core.Hardware;

namespace MfuTools.Core.Results
{
    /// <summary>
    /// A whole model on the roofline for one forward pass of a phase. Its totals are the
    /// sums of the module rows, because modules run one after another. It adds the share of
    /// time spent memory-bound and the phase's predictions: time to first token, tokens per
    /// second, the KV cache and, in training, the best MFU the device can reach.
    /// </summary>
    public sealed class IntensitySummary
    {
        /// <summary>A training step runs the forward and a backward of twice its FLOPs.</summary>
        private const int TrainingPerForward = 3;

        internal IntensitySummary(string model, IntensityTotals totals, decimal matmulForwardFlops, decimal? kvCacheBytes, IntensityRequest request)
        {
            var roofline = request.Roofline;
            Model = model;
            Phase = request.Phase;
            Flops = totals.Flops;
            Bytes = totals.WeightBytes + totals.ActivationBytes + totals.KvCacheTrafficBytes;
            WeightBytes = totals.WeightBytes;
            ActivationBytes = totals.ActivationBytes;
            KvCacheTrafficBytes = totals.KvCacheTrafficBytes;
            KvCacheBytes = kvCacheBytes;
            RidgePoint = roofline.RidgePoint;
            SerialSeconds = totals.SerialSeconds;
            RooflineSeconds = totals.RooflineSeconds;

            if (Bytes > 0)
            {
                Intensity = (double)(Flops / Bytes);
            }

            if (RooflineSeconds > 0)
            {
                MemoryBoundShare = totals.MemoryBoundSeconds / RooflineSeconds;
                Bound = MemoryBoundShare.Value > 0.5 ? Counting.Bound.Memory : Counting.Bound.Compute;
                AttainableFlopsPerSecond = (double)Flops / RooflineSeconds;
            }

            Tokens = request.Pass().Tokens;
            StepSeconds = Phase == Phase.Training ? TrainingPerForward * RooflineSeconds : RooflineSeconds;
            if (StepSeconds > 0)
            {
                TokensPerSecond = (double)Tokens / StepSeconds;
            }

            if (Phase == Phase.Prefill)
            {
                TimeToFirstTokenSeconds = RooflineSeconds;
            }

            if (Phase == Phase.Training && RooflineSeconds > 0)
            {
                // Matmul training FLOPs / (3 × roofline forward time × peak); the 3s cancel.
                MatmulTrainingFlops = TrainingPerForward * matmulForwardFlops;
                MfuCeiling = (double)MatmulTrainingFlops.Value / (StepSeconds * roofline.PeakFlopsPerSecond);
            }

            BatchSize = request.Run.BatchSize;
            SequenceLength = request.Run.SequenceLength;
            ContextLength = request.ContextLength;
            Precision = request.Precision;
            WeightPrecision = request.WeightPrecision;
            Attention = request.Attention;
            Accelerator = roofline.Name;
            PeakFlopsPerSecond = roofline.PeakFlopsPerSecond;
            MemoryBandwidth = roofline.MemoryBandwidth;
            CausalAttention = request.Pass().Causal;
        }

        public string Model { get; }

        public Phase Phase { get; }

        /// <summary>Tokens the pass processes: B·S, or B in decode.</summary>
        public decimal Tokens { get; }

        /// <summary>Forward FLOPs of the pass, convention Detailed.</summary>
        public decimal Flops { get; }

        /// <summary>Bytes the modules read and write: WeightBytes + ActivationBytes + KvCacheTrafficBytes.</summary>
        public decimal Bytes { get; }

        public decimal WeightBytes { get; }

        public decimal ActivationBytes { get; }

        /// <summary>The sum of the rows' KvCacheBytes: key and value reads plus new cache entries.</summary>
        public decimal KvCacheTrafficBytes { get; }

        /// <summary>
        /// Size of the KV cache. In decode it is the cache the step reads: B·C keys and values
        /// per layer, or B·min(C, W) on sliding-window layers. In prefill it is the cache the
        /// pass leaves, and in training null.
        /// </summary>
        public decimal? KvCacheBytes { get; }

        /// <summary>Flops / Bytes of the whole pass, in FLOPs per byte.</summary>
        public double? Intensity { get; }

        public double RidgePoint { get; }

        /// <summary>The bound of the larger share of roofline time.</summary>
        public Bound? Bound { get; }

        /// <summary>Sum of the modules' f/peak + m/bandwidth, in seconds.</summary>
        public double SerialSeconds { get; }

        /// <summary>Sum of the modules' max(f/peak, m/bandwidth), in seconds: the predicted forward time.</summary>
        public double RooflineSeconds { get; }

        /// <summary>Flops / RooflineSeconds, in FLOP/s.</summary>
        public double? AttainableFlopsPerSecond { get; }

        /// <summary>Fraction of RooflineSeconds spent in memory-bound modules.</summary>
        public double? MemoryBoundShare { get; }

        /// <summary>The predicted step: the roofline forward time, or 3 × it for a training step, in seconds.</summary>
        public double StepSeconds { get; }

        /// <summary>Tokens / StepSeconds: in decode B new tokens per step, the generation rate.</summary>
        public double? TokensPerSecond { get; }

        /// <summary>Prefill only: the roofline time of the prompt's forward pass, in seconds.</summary>
        public double? TimeToFirstTokenSeconds { get; }

        /// <summary>Training only: 3 × the forward FLOPs under convention Matmul.</summary>
        public decimal? MatmulTrainingFlops { get; }

        /// <summary>Training only: MatmulTrainingFlops / (StepSeconds × peak), the best MFU this device reaches on this shape.</summary>
        public double? MfuCeiling { get; }

        public long BatchSize { get; }

        /// <summary>S: tokens per sequence in training and prefill; in decode only the default of ContextLength.</summary>
        public long SequenceLength { get; }

        /// <summary>C: tokens in the KV cache, in decode only.</summary>
        public long? ContextLength { get; }

        public Precision Precision { get; }

        public Precision WeightPrecision { get; }

        public AttentionImplementation Attention { get; }

        /// <summary>Catalog name of the accelerator; empty when the peak and bandwidth were given directly.</summary>
        public string Accelerator { get; }

        public double PeakFlopsPerSecond { get; }

        /// <summary>The memory bandwidth used, in bytes per second.</summary>
        public double MemoryBandwidth { get; }

        public bool CausalAttention { get; }

        public override string ToString() => Model;
    }
}
